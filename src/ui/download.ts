export type DownloadType = 'application/json' | 'text/plain';

/** A file name made only of safe characters, whatever the (untrusted) job id holds. */
export function safeFileName(base: string, extension: 'json' | 'txt' | 'ndjson' | 'csv'): string {
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return `${cleaned || 'job'}.${extension}`;
}

/** Saves text as a file. The Blob type is only ever JSON or plain text, never something a browser runs. */
export function downloadText(text: string, fileName: string, type: DownloadType): void {
  const blob = new Blob([text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the data once the download starts; the URL is only a handle to it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
