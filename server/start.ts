// Starts the production server from its settings: in demo mode with the simulator on a loopback port of
// its own, so /api takes the same proxy path (allowlist, headers, compression) as with the real API.
import type { AddressInfo } from 'node:net';
import { startSimulatorServer } from '../simulator/server.ts';
import type { SimulatorServer } from '../simulator/server.ts';
import { buildServer } from './app.ts';
import type { ServerConfig } from './config.ts';

export type RunningServer = {
  url: string;
  /** The simulator's demo token, in demo mode. */
  demoToken: string | undefined;
  demo: boolean;
  close(): Promise<void>;
};

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  let simulator: SimulatorServer | undefined;
  if (config.upstream === undefined) simulator = await startSimulatorServer({ port: 0 });
  const upstream = config.upstream ?? simulator?.url ?? '';
  const app = await buildServer({ ...config, upstream, simulator: simulator?.sim });
  app.addHook('onClose', async () => simulator?.close());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}`,
    demoToken: simulator?.sim.demoToken,
    demo: simulator !== undefined,
    close: () => app.close(),
  };
}
