import { parseJobsPage } from '../../api/validate.ts';
import { ItemSplitter, type Range, type SplitItem } from './item-splitter.ts';
import {
  addItem,
  rowsPageFromText,
  type ListJob,
  type ListPage,
  type MeasuredSizes,
  type PageRows,
} from './list-job.ts';

const decoder = new TextDecoder();
// A body's parts past its first byte: a U+FEFF there is data (JSON.parse refuses it), not a BOM to drop.
const partDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A list response read as its chunks arrive (in the list worker): each job is parsed and reduced to its
 * row as soon as its bytes are complete, so little is left to do after the last byte. A body the
 * splitter cannot take apart is parsed whole at the end, as before: same rows, same errors.
 */
export class StreamedRows {
  private readonly splitter = new ItemSplitter();
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private total = 0;
  private readonly rows: PageRows = { items: [], unreadable: [] };
  private streaming = true;
  /** How many of the rows `arrived` has given out. */
  private given = 0;
  /** Makes the markers left in place of measured payloads unlike any text a server sends. */
  private readonly nonce = Math.random().toString(36).slice(2);

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.total);
    this.total += chunk.length;
    if (!this.streaming) return;
    try {
      const items = this.splitter.push(chunk);
      // Something the splitter cannot follow (a second "items" key, say): the whole body is parsed at
      // the end, and no row of this chunk is given out, as it may not be the page's.
      if (this.splitter.failed) this.streaming = false;
      else for (const item of items) this.readItem(item);
    } catch {
      // Not JSON: the whole body is parsed at the end, which says why.
      this.streaming = false;
    }
  }

  /**
   * The rows read since the last call, in the page's order, to show while the rest arrives. They are
   * the first rows `finish` gives, but for a body `finish` has to read another way (a second "items"
   * key, say): its rows are the ones that count.
   */
  arrived(): ListJob[] {
    const rows = this.rows.items.slice(this.given);
    this.given = this.rows.items.length;
    return rows;
  }

  /** The page. Throws SyntaxError for a body that is not JSON, InvalidResponseError for the wrong shape. */
  finish(): ListPage {
    const frame = this.streaming ? this.splitter.frame(this.total) : null;
    if (frame) {
      try {
        const body: unknown = JSON.parse(frame.map((range) => this.text(range)).join(''));
        // Not the empty list left in place of the items: a second "items" key the splitter did not
        // see (JSON.parse keeps the last one, even `null`).
        const items = (body as { items?: unknown } | null)?.items;
        if (Array.isArray(items) && items.length === 0) {
          return { ...parseJobsPage(body), ...this.rows };
        }
      } catch {
        // parsed whole below, for the error's own words
      }
    }
    return rowsPageFromText(this.text([0, this.total]));
  }

  /**
   * A job parsed with its long payloads (measured by the splitter) each replaced by a marker, so their
   * megabytes are never decoded or parsed. The splitter measures only values of the keys inputData and
   * outputData, so a marker can only be found there: where one still is (a later duplicate key did not
   * replace it), it stands for the size measured.
   */
  private readItem({ range, long }: SplitItem): void {
    if (long.length === 0) {
      addItem(this.rows, JSON.parse(this.text(range)));
      return;
    }
    const markers = long.map((_, i) => `\u0000${this.nonce}:${i}`);
    let text = '';
    let from = range[0];
    long.forEach(({ open, close }, i) => {
      text += this.text([from, open]) + JSON.stringify(markers[i]);
      from = close + 1;
    });
    const item: unknown = JSON.parse(text + this.text([from, range[1]]));
    const { inputData, outputData } = (item ?? {}) as { inputData?: unknown; outputData?: unknown };
    const sizeOf = (value: unknown) =>
      typeof value === 'string' ? long[markers.indexOf(value)]?.bytes : undefined;
    const measured: MeasuredSizes = {};
    const inputBytes = sizeOf(inputData);
    const outputBytes = sizeOf(outputData);
    if (inputBytes !== undefined) measured.inputBytes = inputBytes;
    if (outputBytes !== undefined) measured.outputBytes = outputBytes;
    addItem(this.rows, item, measured);
  }

  private text([start, end]: Range): string {
    const decode = (bytes: Uint8Array) => (start === 0 ? decoder : partDecoder).decode(bytes);
    let c = this.chunkAt(start);
    const first = this.chunks[c];
    const firstStart = this.starts[c] ?? 0;
    if (first && end - firstStart <= first.length) {
      return decode(first.subarray(start - firstStart, end - firstStart));
    }
    const bytes = new Uint8Array(end - start);
    for (let at = start; at < end; c++) {
      const chunk = this.chunks[c];
      const chunkStart = this.starts[c] ?? 0;
      if (!chunk) break;
      const piece = chunk.subarray(at - chunkStart, Math.min(chunk.length, end - chunkStart));
      bytes.set(piece, at - start);
      at += piece.length;
    }
    return decode(bytes);
  }

  /** The chunk that holds byte `at` (binary search: a page arrives in hundreds of chunks). */
  private chunkAt(at: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
