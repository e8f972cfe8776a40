import { apiUrl, jobPath } from '../api/http.ts';

/**
 * A shell command that fetches the job as this page does. The token is never in it: the shell reads it
 * from $NUEXTRACT_API_KEY. The id is percent-encoded and the URL single-quoted, so nothing in it runs.
 */
export function curlCommand(jobId: string, origin = window.location.origin): string {
  const url = new URL(apiUrl(jobPath(jobId)), origin).href.replaceAll("'", "'\\''");
  return `curl -H "Authorization: Bearer $NUEXTRACT_API_KEY" -H 'Accept: application/json' '${url}'`;
}
