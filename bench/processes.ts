// The processes a bench run starts, and their ending: the production server (in demo mode, simulator
// controls on, clock quiet), a client for its controls, free ports, and the clean-ups run at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { BenchOptions } from './bench-kit.ts';

export type Sim = BenchOptions['sim'];

/** What to undo when the run ends, last first. */
export const cleanups: (() => void | Promise<void>)[] = [];

export async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort: the process is ending
    }
  }
}

/** A port nothing listens on now (the system picks it: fixed ports collide with other runs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its process group: npx, tsx and the server
  } catch {
    child.kill('SIGTERM');
  }
}

export async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The production server serving `distDir` on `port`; resolves with its address once it answers. */
export async function startServer(port: number, distDir: string): Promise<string> {
  const server = spawn('npx', ['tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIST_DIR: distDir,
      SIM_CONTROLS: '1',
      SIM_LIVE: '0',
      NUEXTRACT_API_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  cleanups.push(() => stop(server));
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-2000));
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseURL}/healthz`, server);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return baseURL;
}

/** POST /__sim/<path>; accepts "reset", "/__sim/reset" and "jobs/<id>/finish" alike. */
export function simClient(baseURL: string): Sim {
  return {
    async post(path, body) {
      const control = path.replace(/^\/?(__sim\/)?/, '');
      const response = await fetch(`${baseURL}/__sim/${control}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!response.ok) {
        throw new Error(`POST /__sim/${control}: ${response.status} ${await response.text()}`);
      }
      return response.json().catch(() => ({}));
    },
  };
}
