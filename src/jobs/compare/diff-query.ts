import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { DIFF_LIMIT, diffPayloads } from '../../lib/json/json-diff.ts';
import { diffOffThread } from '../../lib/json/worker-client.ts';
import { jobQueries } from '../job-queries.ts';

export type Payload = 'input' | 'output';

type Side = { id: string; updatedAt: string };

function payloadText(client: QueryClient, side: Side, payload: Payload): string {
  const job = client.getQueryData(jobQueries.detail(side.id).queryKey);
  const text = payload === 'input' ? job?.inputData : job?.outputData;
  if (text === undefined) throw new Error(`The ${payload} of job ${side.id} is not loaded.`);
  return text;
}

/**
 * The diff of one payload of two jobs, worked out in the parse worker over the payloads the jobs'
 * detail queries hold, and kept in the cache beside them: coming back to the page does not work it
 * out again. A job's payloads stay the same as long as its `updatedAt` does.
 */
export function payloadDiffQuery(payload: Payload, a: Side, b: Side) {
  // Only these two fields go in the key: a job passed in whole would put its payloads there.
  const first: Side = { id: a.id, updatedAt: a.updatedAt };
  const second: Side = { id: b.id, updatedAt: b.updatedAt };
  return queryOptions({
    queryKey: ['compare', payload, first, second] as const,
    queryFn: async ({ client }) => {
      const before = payloadText(client, first, payload);
      const after = payloadText(client, second, payload);
      // Here only where no worker can run (then the page waits, as it would for the worker).
      return (
        (await diffOffThread(before, after, DIFF_LIMIT)) ?? diffPayloads(before, after, DIFF_LIMIT)
      );
    },
    staleTime: Infinity,
    // The same texts give the same answer: a failure is not worth repeating.
    retry: false,
  });
}
