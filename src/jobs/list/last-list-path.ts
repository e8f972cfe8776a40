import { paths } from '../../paths.ts';

// The list page last shown in this tab, so Esc on a job (and "g l") goes back to that page.
let last: string | null = null;

export function rememberListPath(path: string): void {
  last = path;
}

export function lastListPath(): string {
  return last ?? paths.jobs();
}
