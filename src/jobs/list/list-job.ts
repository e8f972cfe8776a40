import type { Job, JobStatus, JobsPage } from '../../api/types.ts';
import { InvalidResponseError, parseJob, parseJobsPage } from '../../api/validate.ts';
import { truncate } from '../../lib/format.ts';
import { utf8Length } from '../../lib/bytes.ts';

/** The start of a job's error message a row keeps (shown on hover); the job page has all of it. */
const ERROR_PREVIEW_CHARS = 300;

/**
 * What the list keeps of a job: its status fields, its error in short, and the sizes of its payloads.
 * A list item carries the whole input and output (megabytes a page); rows never show them, so neither the
 * screen nor the cache holds them. The job page fetches its own copy.
 */
export type ListJob = JobStatus & {
  errorCode?: string;
  /** At most ERROR_PREVIEW_CHARS characters and an ellipsis. */
  errorMessage?: string;
  /** UTF-8 sizes of inputData and outputData. */
  inputBytes: number;
  outputBytes?: number;
  /** Finished since its page was read, known by its status alone: its output is not in the row. */
  outputNotReceived?: true;
};

/** A list item that is not a job as the contract has it: a row saying so, where it was on the page. */
export type UnreadableItem = {
  /** Its place among the page's items. */
  index: number;
  /** Its id, when it has one that is text. */
  id?: string;
  /** What is wrong with it, from validate.ts. */
  problem: string;
};

/** A list page as the list keeps it: the jobs it could read, and the items it could not. */
export type ListPage = Omit<JobsPage, 'items'> & { items: ListJob[]; unreadable: UnreadableItem[] };

// Most payloads are printable ASCII: their size is their length, found by a native scan, not a loop.
const NON_ASCII = /[^\x20-\x7e\t\n\r]/;
const byteSize = (text: string) => (NON_ASCII.test(text) ? utf8Length(text) : text.length);

export function toListJob(job: Job): ListJob {
  const { inputData, outputData, errorMessage, errorCode, ...status } = job;
  const row: ListJob = { ...status, inputBytes: byteSize(inputData) };
  if (outputData !== undefined) row.outputBytes = byteSize(outputData);
  if (errorCode !== undefined) row.errorCode = errorCode;
  if (errorMessage !== undefined) row.errorMessage = errorPreview(errorMessage);
  return row;
}

/** The start of an error message that a row keeps. */
export const errorPreview = (message: string) => truncate(message, ERROR_PREVIEW_CHARS);

/** What a page's items become: the jobs it could read, and the items it could not. */
export type PageRows = Pick<ListPage, 'items' | 'unreadable'>;

/** Payload sizes found without parsing the payloads (streamed-rows.ts); they replace the parsed ones. */
export type MeasuredSizes = { inputBytes?: number; outputBytes?: number };

/** Adds the page's next item to its rows, or sets it aside with its place, its id and why. */
export function addItem(rows: PageRows, item: unknown, measured: MeasuredSizes = {}): void {
  const index = rows.items.length + rows.unreadable.length;
  try {
    rows.items.push({ ...toListJob(parseJob(item, 'it')), ...measured });
  } catch (error) {
    if (!(error instanceof InvalidResponseError)) throw error;
    const id = (item as { id?: unknown } | null)?.id;
    // "it: "status" is missing or not text", "it is not an object": the row says which job.
    const bad: UnreadableItem = { index, problem: error.message.replace(/^it: /, '') };
    if (typeof id === 'string' && id !== '') bad.id = id;
    rows.unreadable.push(bad);
  }
}

/**
 * A list response's text as the list keeps it: parsed, checked (validate.ts) and reduced to rows.
 * Throws SyntaxError for text that is not JSON and InvalidResponseError for JSON of the wrong shape.
 */
export function rowsPageFromText(text: string): ListPage {
  const page = parseJobsPage(JSON.parse(text));
  const rows: PageRows = { items: [], unreadable: [] };
  for (const item of page.items) addItem(rows, item);
  return { ...page, ...rows };
}
