import { useCallback, useSyncExternalStore } from 'react';

type Where = 'local' | 'session';

// A choice the storage refused to keep still holds in this tab.
const unsaved = new Map<string, boolean>();
const listeners = new Set<() => void>();

function storage(where: Where): Storage | null {
  try {
    return where === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string, where: Where): boolean {
  const kept = unsaved.get(key);
  if (kept !== undefined) return kept;
  try {
    return storage(where)?.getItem(key) === '1';
  } catch {
    return false;
  }
}

function notifyAll() {
  for (const listener of listeners) listener();
}

// One listener on the window for them all: a page of rows reads the absolute-times choice in each row.
function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', notifyAll); // a choice made in another tab
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', notifyAll);
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
      notifyAll();
    },
    [key, where],
  );
  return [value, set];
}
