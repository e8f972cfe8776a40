import { queryOptions } from '@tanstack/react-query';

/**
 * In demo mode the built-in simulator answers /__sim/demo with its demo token; against the real API
 * that path does not exist, and the sign-in page simply offers nothing.
 */
async function fetchDemoToken(signal: AbortSignal): Promise<string | null> {
  try {
    const response = await fetch('/__sim/demo', { signal, credentials: 'omit' });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    if (
      typeof body === 'object' &&
      body !== null &&
      'token' in body &&
      typeof body.token === 'string'
    ) {
      return body.token;
    }
  } catch {
    // not in demo mode
  }
  return null;
}

/** The demo token as server state: asked once per visit to the sign-in page, never retried. */
export const demoTokenQuery = queryOptions({
  queryKey: ['demo-token'],
  queryFn: ({ signal }) => fetchDemoToken(signal),
  staleTime: Infinity,
  retry: false,
});
