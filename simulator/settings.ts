// How the simulator is set up: the options a caller passes, else the SIM_* environment, else defaults.
import type { SimConfig } from './controls.ts';
import { envProfile, type SimProfile } from './profile.ts';
import { DEFAULT_TOKENS } from './seed-data.ts';

export type SimulatorOptions = {
  /** token -> user. Default: SIM_TOKENS ("tokA:demo,tokB:mallory"), else the demo token. */
  tokens?: Readonly<Record<string, string>>;
  /** Default: SIM_PING_MS, else 30000. */
  pingMs?: number;
  /** Default: SIM_JOB_TIMEOUT_MS, else 600000. */
  jobTimeoutMs?: number;
  /** Enables /__sim/ controls (loopback only). Default: SIM_CONTROLS. */
  controls?: boolean;
  /** Jobs arrive and finish by the clock. Default: SIM_LIVE, else on unless controls are enabled. */
  live?: boolean;
  /** Which service to imitate (profile.ts). Default: SIM_PROFILE, else 'contract'. */
  profile?: SimProfile;
};

function envFlag(name: string): boolean | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  return value === '1' || value.toLowerCase() === 'true';
}

function envInteger(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return number;
}

function envTokens(): Record<string, string> | undefined {
  const value = process.env.SIM_TOKENS;
  if (value === undefined || value.trim() === '') return undefined;
  const entries = value.split(',').map((pair) => {
    const colon = pair.lastIndexOf(':');
    const token = pair.slice(0, colon).trim();
    const user = pair.slice(colon + 1).trim();
    if (colon < 0 || token === '' || user === '')
      throw new Error(`SIM_TOKENS: expected "token:user" pairs, got ${JSON.stringify(pair)}`);
    return [token, user] as const;
  });
  return Object.fromEntries(entries);
}

/** The tokens it accepts, whether its test controls are on, and the configuration a reset returns to. */
export function simulatorSettings(options: SimulatorOptions) {
  const tokens = new Map(Object.entries(options.tokens ?? envTokens() ?? DEFAULT_TOKENS));
  const controlsEnabled = options.controls ?? envFlag('SIM_CONTROLS') ?? false;
  const initialConfig: SimConfig = {
    pingMs: options.pingMs ?? envInteger('SIM_PING_MS') ?? 30_000,
    jobTimeoutMs: options.jobTimeoutMs ?? envInteger('SIM_JOB_TIMEOUT_MS') ?? 600_000,
    // Tests need a world that only changes when they say so.
    live: options.live ?? envFlag('SIM_LIVE') ?? !controlsEnabled,
    profile: options.profile ?? envProfile() ?? 'contract',
    // "Cancellation may take up to one heartbeat interval": quicker here, so a person sees it happen.
    cancelDelayMs: 1_000,
  };
  return { tokens, controlsEnabled, initialConfig };
}
