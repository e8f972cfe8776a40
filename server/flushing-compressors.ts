// The compressors @fastify/compress uses (its `zlib` option). A compressor keeps its output until it has
// taken in enough: a list page the upstream sends slowly (tens of MB over a real network, which the
// dashboard shows row by row as it comes) would reach the browser in late bursts, and nothing of it
// would while the upstream pauses. So each compressor flushes what it holds once its input has paused
// for PAUSE_MS; a body that comes at full speed is not flushed, and compresses as well as ever.
import type { Transform } from 'node:stream';
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createGzip,
  gzipSync,
} from 'node:zlib';
import type { BrotliOptions, ZlibOptions } from 'node:zlib';

/** Short against a person's wait, long against the gaps between the chunks of a body at full speed. */
const PAUSE_MS = 10;

function flushedOnPause<T extends Transform>(compressor: T, flush: () => void): T {
  let timer: NodeJS.Timeout | undefined;
  const transform = compressor._transform.bind(compressor);
  compressor._transform = (chunk: Buffer, encoding, done) => {
    transform(chunk, encoding, done);
    // A flush (and the end) comes through here as an empty chunk: it must not set another.
    if (chunk.length === 0) return;
    clearTimeout(timer);
    timer = setTimeout(flush, PAUSE_MS);
  };
  compressor.once('close', () => clearTimeout(timer));
  return compressor;
}

export const flushingZlib = {
  createBrotliCompress: (options?: BrotliOptions) => {
    const brotli = createBrotliCompress(options);
    return flushedOnPause(brotli, () => brotli.flush(constants.BROTLI_OPERATION_FLUSH));
  },
  // A sync flush keeps the window (a full flush would empty it and cost compression).
  createGzip: (options?: ZlibOptions) => {
    const gzip = createGzip(options);
    return flushedOnPause(gzip, () => gzip.flush(constants.Z_SYNC_FLUSH));
  },
  // Small answers, already whole, stay on the plugin's synchronous path.
  brotliCompressSync,
  gzipSync,
};
