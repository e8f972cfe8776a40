// A standalone HTTP server around the simulator: for the CLI, the contract tests and e2e runs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator } from './app.ts';
import type { Simulator } from './app.ts';
import type { SimulatorOptions } from './settings.ts';
import { applyCors, sendError } from './http.ts';

export type SimulatorServerOptions = SimulatorOptions & {
  /** 0 picks a free port. */
  port: number;
  host?: string;
};

export type SimulatorServer = {
  url: string;
  close(): Promise<void>;
  sim: Simulator;
};

export async function startSimulatorServer({
  port,
  host = '127.0.0.1',
  ...options
}: SimulatorServerOptions): Promise<SimulatorServer> {
  const sim = createSimulator(options);
  const server = createServer((req, res) => {
    if (sim.handle(req, res)) return;
    applyCors(res);
    sendError(res, 404, 'Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostInUrl}:${address.port}`,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sim.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
