import { useEffect, useLayoutEffect, useRef } from 'react';

/** Key names as in `KeyboardEvent.key`; a two-key sequence is written with a space ("g l"). */
export type Shortcuts = Record<string, (event: KeyboardEvent) => void>;

// Every mounted component's bindings, the latest first, behind one document listener.
const bound: { current: Shortcuts }[] = [];
// The first key of a sequence, while its second may still come.
let pending: { key: string; until: number } | null = null;
const SEQUENCE_MS = 1500;

/** Typing in a field, choosing in a select or working in a dialog never fires a shortcut. */
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (target.closest('dialog')) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.matches('input, textarea, select');
}

// Enter on a link or a button is theirs to handle.
const onControl = (event: KeyboardEvent) =>
  event.target instanceof Element && !!event.target.closest('a, button, summary, [role=button]');

function find(key: string): Shortcuts[string] | undefined {
  for (const { current } of bound) {
    const handler = current[key];
    if (handler) return handler;
  }
  return undefined;
}

function onKeyDown(event: KeyboardEvent) {
  if (ignored(event)) return;
  const now = Date.now();
  const first = pending && pending.until > now ? pending.key : null;
  pending = null;
  const key = event.key;
  const handler =
    (first ? find(`${first} ${key}`) : undefined) ??
    (key === 'Enter' && onControl(event) ? undefined : find(key));
  if (handler) {
    event.preventDefault();
    handler(event);
    return;
  }
  if (bound.some(({ current }) => Object.keys(current).some((k) => k.startsWith(`${key} `)))) {
    pending = { key, until: now + SEQUENCE_MS };
  }
}

/** Binds keys on the whole page while the component is mounted (and `enabled`). */
export function useShortcuts(shortcuts: Shortcuts, enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  // Bound before the first paint: a key pressed as soon as the page shows is not lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    const entry = latest;
    if (bound.length === 0) document.addEventListener('keydown', onKeyDown);
    bound.unshift(entry);
    return () => {
      bound.splice(bound.indexOf(entry), 1);
      if (bound.length === 0) document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
