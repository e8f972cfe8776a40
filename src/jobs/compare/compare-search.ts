import { isUsableJobId } from '../../api/http.ts';
import { sameJobId } from '../job-id.ts';

/** The two jobs the address names, or why it names no pair that can be compared. */
export type CompareTarget = { a: string; b: string } | { problem: string };

/** Reads `?a=<id>&b=<id>`: both there, both ids that can be requested, and not the same job. */
export function parseCompareSearch(search: URLSearchParams): CompareTarget {
  const a = search.get('a')?.trim() ?? '';
  const b = search.get('b')?.trim() ?? '';
  if (!a && !b) return { problem: 'This address names no jobs to compare.' };
  if (!a || !b) return { problem: 'This address names only one job: a compare needs two.' };
  const invalid = [a, b].find((id) => !isUsableJobId(id));
  if (invalid !== undefined) return { problem: `"${invalid}" cannot be a job id.` };
  if (sameJobId(a, b)) return { problem: 'Both ids name the same job: mark two different jobs.' };
  return { a, b };
}
