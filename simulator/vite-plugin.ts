// Serves the simulator from Vite's dev server, so `npm run dev` works without the real API (production:
// server/start.ts). Steps aside when NUEXTRACT_API_URL is set: then a proxy to that API is configured instead.
import type { Plugin, ViteDevServer } from 'vite';
import { createSimulator } from './app.ts';
import type { SimulatorOptions } from './settings.ts';

type Closable = { once(event: 'close', listener: () => void): unknown };

export function simulatorPlugin(options: SimulatorOptions = {}): Plugin {
  const plugin: Plugin = { name: 'nuextract-jobs-simulator' };
  if (process.env.NUEXTRACT_API_URL) return plugin;
  let announced = false;

  function mount(server: ViteDevServer): void {
    const sim = createSimulator(options);
    // Added directly (not from a returned function), so it runs before Vite's own middlewares.
    server.middlewares.use((req, res, next) => {
      if (!sim.handle(req, res)) next();
    });
    const httpServer: Closable | null = server.httpServer;
    httpServer?.once('close', () => sim.close());
    if (!announced) {
      announced = true;
      const token = sim.demoToken ?? '(none: SIM_TOKENS has no demo user)';
      server.config.logger.info(`  Demo API (built-in simulator) — token: ${token}`);
    }
  }

  plugin.configureServer = mount;
  return plugin;
}
