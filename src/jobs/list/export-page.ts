import type { Job, ListParams } from '../../api/types.ts';
import { parseJob } from '../../api/validate.ts';
import { plural } from '../../lib/format.ts';
import { downloadText, safeFileName } from '../../ui/download.ts';
import { fetchJobsPageItems } from '../jobs-api.ts';

export type ExportFormat = 'ndjson' | 'csv';

const COLUMNS = [
  'id',
  'status',
  'jobType',
  'ownerUser',
  'ownerOrganization',
  'createdAt',
  'startedAt',
  'completedAt',
  'updatedAt',
  'errorCode',
  'errorMessage',
] as const satisfies readonly (keyof Job)[];

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet (job data is untrusted). */
function csvField(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The metadata and the error of each job that can be read; `skipped` counts the others. */
export function toCsv(items: readonly unknown[]): { text: string; skipped: number } {
  const lines = [COLUMNS.join(',')];
  let skipped = 0;
  for (const item of items) {
    let job: Job;
    try {
      job = parseJob(item);
    } catch {
      skipped++;
      continue;
    }
    lines.push(COLUMNS.map((column) => csvField(job[column])).join(','));
  }
  return { text: `${lines.join('\r\n')}\r\n`, skipped };
}

/** One job a line, each exactly as the server sent it. */
export function toNdjson(items: readonly unknown[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}

/** "jobs-acme-31-60-2026-12-07.csv": the organization, the range and the day. */
export function exportFileName(
  params: ListParams,
  count: number,
  format: ExportFormat,
  now = new Date(),
): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  const range = count === 0 ? 'empty' : `${params.skip + 1}-${params.skip + count}`;
  return safeFileName(`jobs-${params.organization ?? 'personal'}-${range}-${day}`, format);
}

/**
 * Fetches the page again, whole (the list keeps rows only), and saves it. The payloads are held only
 * while the file is written. Says what was saved.
 */
export async function exportPage(params: ListParams, format: ExportFormat): Promise<string> {
  const items = await fetchJobsPageItems(params);
  const name = exportFileName(params, items.length, format);
  if (format === 'ndjson') {
    downloadText(toNdjson(items), name, 'text/plain');
    return `Saved ${items.length} ${plural(items.length, 'job')} as ${name}.`;
  }
  const { text, skipped } = toCsv(items);
  downloadText(text, name, 'text/plain');
  const left = skipped > 0 ? ` ${skipped} could not be read and are left out.` : '';
  const saved = items.length - skipped;
  return `Saved ${saved} ${plural(saved, 'job')} as ${name}.${left}`;
}
