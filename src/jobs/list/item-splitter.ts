// Finds the elements of a list response's top-level "items" array while its bytes are still arriving,
// so each job can be parsed as soon as it is complete and the page is ready almost when its last byte
// is. It reads bytes, not text: the bytes it looks for are ASCII, which never occur inside a UTF-8
// multi-byte sequence. It checks little: every element and the rest of the body (`frame`) are parsed
// with JSON.parse by the caller, so a body these parts do not rebuild exactly fails there.
//
// Most of a page's bytes are the jobs' payloads: long strings, directly in each job. The caller only
// needs their size, so those it can size from their bytes alone (ASCII, no byte below 0x20, plain
// escapes) are measured here and left out of what it parses: the megabytes are read once, mostly four
// bytes at a time.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const ITEMS = [0x69, 0x74, 0x65, 0x6d, 0x73]; // "items"
const bytesOf = (key: string) => [...key].map((c) => c.charCodeAt(0));
/** The keys whose long values are measured: a job's payloads, the megabytes rows never show. */
const PAYLOAD_KEYS = [bytesOf('inputData'), bytesOf('outputData')];

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Byte ranges [start, end) in the whole body. */
export type Range = [number, number];

/** Payloads shorter than this are parsed with their job: measuring them saves nothing. */
const LONG_STRING = 256;

/** A long payload string of a job: where its quotes are, and the UTF-8 size of its text. */
export type LongString = { open: number; close: number; bytes: number };

/** A complete element of the items array, and the long strings measured in it, in order. */
export type SplitItem = { range: Range; long: LongString[] };

/** Escapes that stand for one ASCII character: \" \\ \/ \b \f \n \r \t. A table: looking each up in a
 * Set was measurable, an extracted JSON output has one every few bytes. */
const ONE_CHAR_ESCAPE = new Uint8Array(256);
for (const b of [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]) ONE_CHAR_ESCAPE[b] = 1;

/** The chunk's bytes four at a time, from its first byte at a multiple of four in its buffer. */
type Words = { view: Uint32Array; first: number };

const NO_WORDS = new Uint32Array(0);

function wordsOf(chunk: Uint8Array): Words {
  const first = -chunk.byteOffset & 3;
  const length = Math.max(0, (chunk.length - first) >> 2);
  // A view may not start past its buffer's end, even an empty one (a short chunk at the end of it).
  const view =
    length > 0 ? new Uint32Array(chunk.buffer, chunk.byteOffset + first, length) : NO_WORDS;
  return { view, first };
}

/**
 * The payloads are most of a page's bytes: from `from`, the first byte of a word, words of ASCII with
 * no quote, backslash or byte below 0x20 are skipped whole (bit tricks that look for such a byte in
 * the four at once). The index of the first byte left to read one by one.
 */
function skipPlainWords({ view, first }: Words, from: number): number {
  let word = (from - first) >> 2;
  for (; word < view.length; word++) {
    const w = view[word] ?? 0;
    const quote = w ^ 0x22222222;
    const backslash = w ^ 0x5c5c5c5c;
    // Each term sets the top bit of a byte where one is found: exact for the word, as a borrow starts
    // only at a byte that matched (and 0x20 is below 0x80).
    const special =
      ((quote - 0x01010101) & ~quote) | // a quote
      ((backslash - 0x01010101) & ~backslash) | // a backslash
      ((w - 0x20202020) & ~w) | // below 0x20
      w; // not ASCII
    if (special & 0x80808080) break;
  }
  return first + word * 4;
}

export class ItemSplitter {
  /** Bytes before the current chunk. */
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** In the top-level object, a string now is a key (after `{` or `,`). */
  private expectKey = false;
  /** While reading a top-level key: how many of its bytes match "items" so far (-1: not "items"). */
  private keyMatched = -1;
  private lastKeyIsItems = false;
  private itemsKeys = 0;
  /** After `"items":`, the next value is the items. */
  private itemsValueNext = false;
  private inItems = false;
  private itemsArrays = 0;
  private elementFrom = 0;
  private elementHasContent = false;
  private sawComma = false;
  private open = -1;
  private close = -1;
  /** The element being read is an object: its direct string values may be measured. */
  private itemIsObject = false;
  /** In that object, a string now is a key (after `{` or `,`). */
  private expectItemKey = false;
  /** Reading a key in it: the payload key it may be, and how many of its bytes match so far. */
  private itemKey: number[] | null = null;
  private itemKeyMatched = -1;
  /** The last key read is a payload's: its value, if a string, is measured. */
  private payloadValueNext = false;
  private long: LongString[] = [];
  /** Measuring a value string: where it opened, its escapes so far, and whether it is still sizable. */
  private measuring = false;
  private valueOpen = 0;
  private escapes = 0;
  private plain = true;
  /** Something no JSON list page has (a stray closer, an escaped top-level key): the caller parses it all. */
  failed = false;

  /** Reads the next chunk; returns the items it completed. */
  push(chunk: Uint8Array): SplitItem[] {
    const done: SplitItem[] = [];
    if (this.failed) return done;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.keyMatched >= 0) i = this.readKey(chunk, i);
        else if (this.itemKeyMatched >= 0) i = this.readItemKey(chunk, i);
        else if (this.measuring) i = this.measure(chunk, i);
        else i = this.skipString(chunk, i);
        if (i === n) break;
        this.inString = false;
        if (this.keyMatched >= 0) {
          this.lastKeyIsItems = this.keyMatched === ITEMS.length;
          // JSON.parse keeps the last "items": the rows read so far may not be the page's.
          if (this.lastKeyIsItems && this.itemsKeys++ > 0) this.failed = true;
        }
        this.keyMatched = -1;
        if (this.itemKeyMatched >= 0)
          this.payloadValueNext = this.itemKeyMatched === this.itemKey?.length;
        this.itemKeyMatched = -1;
        if (this.measuring) this.endValue(this.offset + i);
        continue;
      }
      const b = chunk[i] ?? 0;
      if (isSpace(b)) continue;
      const at = this.offset + i;
      const separator =
        this.depth === 2 && (b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT);
      if (this.inItems && this.depth >= 2 && !separator) this.elementHasContent = true;
      if (this.depth === 1) this.atTopLevel(b);
      if (b === QUOTE) {
        this.inString = true;
        if (this.depth === 3 && this.inItems && this.itemIsObject) this.itemString(at);
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        this.depth++;
        if (this.depth === 1) this.expectKey = b === OPEN_OBJECT;
        if (this.depth === 2 && this.itemsValueNext && b === OPEN_ARRAY) this.startItems(at);
        if (this.depth === 2) this.itemsValueNext = false;
        if (this.depth === 3) this.itemIsObject = this.expectItemKey = b === OPEN_OBJECT;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        if (this.depth === 2 && this.inItems) {
          if (b !== CLOSE_ARRAY) this.failed = true;
          if (this.elementHasContent || this.sawComma) this.completeItem(done, at);
          this.inItems = false;
          this.close = at;
        }
        this.depth--;
        if (this.depth < 0) this.failed = true;
      } else if (b === COMMA && this.depth === 2 && this.inItems) {
        this.completeItem(done, at);
        this.elementFrom = at + 1;
        this.elementHasContent = false;
        this.sawComma = true;
      } else if (b === COMMA && this.depth === 3) {
        this.expectItemKey = true;
      }
    }
    this.offset += n;
    return done;
  }

  /** The body without its items (`"items":[]`), as ranges; null when the items array was not found once. */
  frame(total: number): Range[] | null {
    if (this.failed || this.itemsArrays !== 1 || this.close < 0) return null;
    return [
      [0, this.open + 1],
      [this.close, total],
    ];
  }

  private completeItem(done: SplitItem[], at: number) {
    done.push({ range: [this.elementFrom, at], long: this.long });
    this.long = [];
    this.itemIsObject = false;
  }

  /** A string opens directly in a job: a key (compared with the payloads'), or a payload (measured). */
  private itemString(at: number) {
    if (this.expectItemKey) {
      this.expectItemKey = false;
      this.itemKey = null;
      this.itemKeyMatched = 0;
      this.payloadValueNext = false;
      return;
    }
    if (!this.payloadValueNext) return;
    this.payloadValueNext = false;
    this.measuring = true;
    this.valueOpen = at;
    this.escapes = 0;
    this.plain = true;
  }

  private endValue(close: number) {
    this.measuring = false;
    const raw = close - this.valueOpen - 1;
    if (this.plain && raw >= LONG_STRING) {
      this.long.push({ open: this.valueOpen, close, bytes: raw - this.escapes });
    }
  }

  /**
   * A value string directly in a job, read four bytes at a time where it can be: the index of its
   * closing quote, or the chunk's length. It stays sizable from its bytes while they are ASCII from
   * 0x20 up, and one-character escapes; anything else (\u, other bytes, which JSON.parse will judge)
   * and the rest is only skipped.
   */
  private measure(chunk: Uint8Array, from: number): number {
    let i = from;
    const n = chunk.length;
    if (this.plain && this.escaped) {
      this.escaped = false;
      if (!ONE_CHAR_ESCAPE[chunk[i] ?? 0]) this.plain = false;
      i++;
    }
    if (!this.plain) return this.skipString(chunk, i);
    const words = wordsOf(chunk);
    for (; i < n; i++) {
      if (((i - words.first) & 3) === 0 && i >= words.first) {
        i = skipPlainWords(words, i);
        if (i === n) return n;
      }
      const b = chunk[i] ?? 0;
      if (b >= 0x20 && b < 0x80 && b !== QUOTE && b !== BACKSLASH) continue;
      if (b === QUOTE) return i;
      if (b === BACKSLASH) {
        this.escapes++;
        if (i + 1 === n) {
          this.escaped = true;
          return n;
        }
        if (!ONE_CHAR_ESCAPE[chunk[i + 1] ?? 0]) this.plain = false;
        i++;
      } else {
        this.plain = false;
      }
      if (!this.plain) return this.skipString(chunk, i + 1);
    }
    return n;
  }

  private atTopLevel(b: number) {
    if (b === COMMA) {
      this.expectKey = true;
    } else if (b === QUOTE && this.expectKey) {
      this.expectKey = false;
      this.keyMatched = 0;
      this.lastKeyIsItems = false;
    } else if (b === COLON) {
      this.itemsValueNext = this.lastKeyIsItems;
      this.lastKeyIsItems = false;
    } else if (b !== OPEN_OBJECT && b !== OPEN_ARRAY) {
      this.itemsValueNext = false;
    }
  }

  /**
   * The hot loop (most of a page's bytes are inside strings), done by the native search for the next
   * quote: the index of the closing quote, or the chunk's length when the string goes on.
   */
  private skipString(chunk: Uint8Array, from: number): number {
    let i = from;
    if (this.escaped) {
      // The last chunk ended with a backslash: this byte is escaped.
      this.escaped = false;
      i++;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, i);
      const end = quote < 0 ? chunk.length : quote;
      let backslashes = 0;
      while (end - backslashes - 1 >= i && chunk[end - backslashes - 1] === BACKSLASH)
        backslashes++;
      const escaped = backslashes % 2 === 1;
      if (quote < 0) {
        this.escaped = escaped;
        return chunk.length;
      }
      if (!escaped) return quote;
      i = quote + 1;
    }
  }

  /** A key directly in a job, compared with the payload keys byte by byte; an escape matches none. */
  private readItemKey(chunk: Uint8Array, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i] ?? 0;
      if (b === QUOTE) return i;
      this.itemKey ??= PAYLOAD_KEYS.find((key) => key[0] === b) ?? null;
      if (b === BACKSLASH || this.itemKey?.[this.itemKeyMatched] !== b) {
        this.itemKeyMatched = -1;
        return this.skipString(chunk, b === BACKSLASH ? i : i + 1);
      }
      this.itemKeyMatched++;
    }
    return chunk.length;
  }

  /** A top-level key, compared with "items" byte by byte. */
  private readKey(chunk: Uint8Array, from: number): number {
    let i = from;
    for (; i < chunk.length; i++) {
      const b = chunk[i] ?? 0;
      if (b === QUOTE) break;
      if (b === BACKSLASH) {
        // "it\u0065ms" is "items" too: too rare to decode here, so the caller parses the whole body.
        this.failed = true;
        return chunk.length;
      }
      this.keyMatched = ITEMS[this.keyMatched] === b ? this.keyMatched + 1 : -1;
      if (this.keyMatched < 0) return this.skipString(chunk, i + 1);
    }
    return i;
  }

  private startItems(at: number) {
    this.inItems = true;
    this.itemsArrays++;
    this.open = at;
    this.elementFrom = at + 1;
    this.elementHasContent = false;
    this.sawComma = false;
  }
}
