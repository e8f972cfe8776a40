// `npm start` (after the build) and the container's command: the production server.
import { readConfig } from './config.ts';
import { startServer } from './start.ts';

/** SIGTERM: stop accepting, end open streams, and be gone within 5 s whatever hangs. */
const SHUTDOWN_DEADLINE_MS = 4_000;

let server;
try {
  server = await startServer(readConfig(process.env));
} catch (error) {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const running = server;
console.log(`NuExtract Jobs dashboard: ${running.url}`);
if (running.demo) {
  console.log(
    `  Demo API (built-in simulator) — token: ${running.demoToken ?? '(none: SIM_TOKENS has no demo user)'}`,
  );
}

function stop(): void {
  setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
