// `npm run simulator -- --port 4010`: the simulator on 127.0.0.1, for pointing the dashboard (or curl) at it.
import { parseArgs } from 'node:util';
import { startSimulatorServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${JSON.stringify(values.port)}`);
  process.exit(2);
}

const server = await startSimulatorServer({ port, host: values.host });
console.log(`Jobs API simulator listening on ${server.url}`);
console.log(
  server.sim.demoToken === undefined
    ? 'No token for the demo user (SIM_TOKENS).'
    : `Demo token: ${server.sim.demoToken}`,
);

function stop(): void {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
