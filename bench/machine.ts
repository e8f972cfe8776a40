// What the machine itself is like, printed before the figures: the same build has measured about three
// times apart on two 2-core machines of the same kind (the slower one was slow to fault in fresh memory,
// which every new browser process and every 20 MB page pays), so runs on two machines compare only
// alongside these.
import { availableParallelism } from 'node:os';
import { median, round, type Figures } from './bench-kit.ts';

const RUNS = 5;
const PAGE = 4096;
const MB = 1024 * 1024;

/** Milliseconds `work` takes, the median of RUNS. */
function timed(work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return round(median(times));
}

export function machineFigures(): Figures {
  let sink = 0;
  const figures = {
    'machine.cores': availableParallelism(),
    // Processor alone: an integer loop, no memory.
    'machine.loopMs': timed(() => {
      for (let i = 0; i < 1e8; i++) sink = (sink + i) | 0;
    }),
    // Fresh memory: 256 MB the process has not touched before, one write per page.
    'machine.fresh256MBMs': timed(() => {
      const fresh = Buffer.allocUnsafeSlow(256 * MB);
      for (let at = 0; at < fresh.length; at += PAGE) fresh[at] = 1;
      sink += fresh[0] ?? 0;
    }),
  };
  if (sink === -1) console.log(sink); // keeps the loops from being optimised away
  return figures;
}
