import { useCallback, useSyncExternalStore } from 'react';

type Where = 'local' | 'session';

// A choice the storage refused to keep still holds in this tab.
const unsaved = new Map<string, boolean>();
// What storage said, kept for the rest of this task: a page of rows reading one flag in one render asks
// storage once (and a write from elsewhere is seen by the next task).
const cached = new Map<string, boolean>();
const listeners = new Set<() => void>();

function storage(where: Where): Storage | null {
  try {
    return where === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string, where: Where): boolean {
  const kept = unsaved.get(key) ?? cached.get(key);
  if (kept !== undefined) return kept;
  let value = false;
  try {
    value = storage(where)?.getItem(key) === '1';
  } catch {
    // no storage: off
  }
  if (cached.size === 0) queueMicrotask(() => cached.clear());
  cached.set(key, value);
  return value;
}

function changed() {
  cached.clear();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  // A local choice made in another tab: one listener for all.
  if (listeners.size === 0) window.addEventListener('storage', changed);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', changed);
  };
}

/**
 * An on/off choice, remembered in local storage (every tab, every visit) or session storage (this tab).
 * Every component reading the same key sees a change at once.
 */
export function useStoredFlag(key: string, where: Where): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key, where));
  const set = useCallback(
    (on: boolean) => {
      try {
        const store = storage(where);
        if (!store) throw new Error('no storage');
        if (on) store.setItem(key, '1');
        else store.removeItem(key);
        unsaved.delete(key);
      } catch {
        unsaved.set(key, on);
      }
      changed();
    },
    [key, where],
  );
  return [value, set];
}
