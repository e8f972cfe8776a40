import type { JsonPath } from '../../lib/json/json-model.ts';
import { toJsonPath } from '../../lib/json/json-path.ts';
import { paths } from '../../paths.ts';

// Links to one value of a job's output. Built here rather than in paths.ts, which every page loads:
// only the job page makes or reads them.

/** The query parameter naming one value of a job's output (a JSONPath). */
export const VALUE_PARAM = 'path';

/** The job page opened at one value: `/jobs/{id}?path=$.result.parties[1].name`. */
export function jobValueLink(jobId: string, path: JsonPath): string {
  // Encoded as a query value, with the characters of a plain path left readable.
  const value = encodeURIComponent(toJsonPath(path)).replace(/%(24|5B|5D)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return `${paths.job(jobId)}?${VALUE_PARAM}=${value}`;
}
