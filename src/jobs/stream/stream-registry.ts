import type { QueryClient } from '@tanstack/react-query';
import type { StreamOptions } from './job-stream.ts';
import { createSharedJobStream } from './shared-stream.ts';
import type { JobStream, StreamState } from './stream-state.ts';

// One stream per job per tab (shared with the other tabs: shared-stream.ts): a registry keyed by job
// id, with a reference count, one per query client.

type Entry = {
  stream: JobStream;
  refs: number;
  closeTimer?: ReturnType<typeof setTimeout>;
  unsubscribe: () => void;
};

type Registry = {
  entries: Map<string, Entry>;
  watchers: Map<string, Set<() => void>>;
};

const registries = new WeakMap<QueryClient, Registry>();

function registryFor(queryClient: QueryClient): Registry {
  let registry = registries.get(queryClient);
  if (!registry) {
    registry = { entries: new Map(), watchers: new Map() };
    registries.set(queryClient, registry);
  }
  return registry;
}

function notify(registry: Registry, jobId: string) {
  for (const watcher of registry.watchers.get(jobId) ?? []) watcher();
}

/**
 * Takes a share of the job's stream, opening it if nobody holds one. Releasing the last share closes
 * it after the current task, so React's StrictMode unmount-and-remount keeps the same connection.
 */
export function acquireJobStream(
  queryClient: QueryClient,
  jobId: string,
  options?: StreamOptions,
): () => void {
  const registry = registryFor(queryClient);
  let entry = registry.entries.get(jobId);
  if (!entry) {
    const stream = createSharedJobStream(queryClient, jobId, options);
    entry = { stream, refs: 0, unsubscribe: stream.subscribe(() => notify(registry, jobId)) };
    registry.entries.set(jobId, entry);
    stream.start();
    notify(registry, jobId);
  }
  const held = entry;
  clearTimeout(held.closeTimer);
  held.refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.refs -= 1;
    if (held.refs > 0) return;
    clearTimeout(held.closeTimer);
    held.closeTimer = setTimeout(() => {
      if (held.refs > 0 || registry.entries.get(jobId) !== held) return;
      registry.entries.delete(jobId);
      held.unsubscribe();
      held.stream.stop();
      notify(registry, jobId);
    }, 0);
  };
}

/** The state of the job's open stream, or undefined when none is open. */
export function getJobStreamState(
  queryClient: QueryClient,
  jobId: string,
): StreamState | undefined {
  return registryFor(queryClient).entries.get(jobId)?.stream.getState();
}

/** Calls `watcher` whenever the job's stream opens, changes state or closes. */
export function watchJobStream(
  queryClient: QueryClient,
  jobId: string,
  watcher: () => void,
): () => void {
  const { watchers } = registryFor(queryClient);
  let set = watchers.get(jobId);
  if (!set) {
    set = new Set();
    watchers.set(jobId, set);
  }
  set.add(watcher);
  return () => {
    set.delete(watcher);
    if (set.size === 0 && watchers.get(jobId) === set) watchers.delete(jobId);
  };
}
