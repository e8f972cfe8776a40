// The server's settings, from the environment (README, "Configuration").

export type ServerConfig = {
  port: number;
  host: string;
  /** The Jobs API; undefined = demo mode (the built-in simulator). */
  upstream: string | undefined;
  apiOrigin: string | undefined;
  trustProxy: boolean | string;
  distDir: string;
  upstreamTimeoutMs: number;
  logLevel: string;
};

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

function httpUrl(env: Env, name: string): URL | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return url;
}

/** TRUST_PROXY: unset/0/false = nothing in front; 1/true = trust the proxy; else its addresses (CIDRs, comma-separated). */
function trustProxy(env: Env): boolean | string {
  const raw = nonEmpty(env, 'TRUST_PROXY');
  if (raw === undefined || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  return raw;
}

export function readConfig(env: Env): ServerConfig {
  const upstream = httpUrl(env, 'NUEXTRACT_API_URL');
  if (upstream && (upstream.pathname !== '/' || upstream.search))
    throw new Error(
      `NUEXTRACT_API_URL must be an origin (https://host[:port]), got ${upstream.href}`,
    );
  return {
    port: integer(env, 'PORT', 5173, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? 'localhost',
    // /api/... is appended as the browser asked for it.
    upstream: upstream?.origin,
    apiOrigin: httpUrl(env, 'VITE_API_BASE_URL')?.origin,
    trustProxy: trustProxy(env),
    distDir: nonEmpty(env, 'DIST_DIR') ?? 'dist',
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 25_000, 1, 600_000),
    logLevel: nonEmpty(env, 'LOG_LEVEL') ?? 'warn',
  };
}
