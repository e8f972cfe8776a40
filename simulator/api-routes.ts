// The API's addresses as the simulator reads them: which endpoint a raw path names, and the contract's
// integer query parameters.
import type { EndpointKind } from './faults.ts';

export type Route = { kind: 'list' } | { kind: Exclude<EndpointKind, 'list'>; rawId: string };

/** The contract's integers: optional sign and digits only, 32-bit, then the range. Anything else is invalid. */
export function parseIntegerParam(
  raw: string | null,
  fallback: number,
  min: number,
  max: number,
): number | undefined {
  if (raw === null) return fallback;
  if (!/^[+-]?\d{1,10}$/.test(raw)) return undefined;
  const value = Number(raw) + 0; // + 0 turns -0 into 0
  if (value > 2_147_483_647 || value < min || value > max) return undefined;
  return value;
}

/** Routes on the raw path so an encoded "/" (%2F) inside an id never creates a segment. */
export function route(rawPath: string): Route | undefined {
  if (rawPath === '/api/jobs') return { kind: 'list' };
  if (!rawPath.startsWith('/api/jobs/')) return undefined;
  const [rawId, action, ...rest] = rawPath.slice('/api/jobs/'.length).split('/');
  if (!rawId || rest.length > 0) return undefined;
  if (action === undefined) return { kind: 'job', rawId };
  if (action === 'status' || action === 'stream' || action === 'cancel')
    return { kind: action, rawId };
  return undefined;
}
