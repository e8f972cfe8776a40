import { useSyncExternalStore } from 'react';
import { isUsableJobId } from '../../api/http.ts';
import { shortId } from '../../lib/format.ts';
import { useShortcuts } from '../../ui/shortcuts.ts';

// The jobs marked for compare, per tab (session storage), so they survive paging, another
// organization's list and a reload. Two at most: marking a third lets the oldest go, so a person who
// marked the wrong job just marks the right one, wherever the old mark is.

const KEY = 'nuextract.compareMarks';

type Marks = {
  /** The marked ids, the oldest first. */
  ids: readonly string[];
  /** What the last change did, for the live region beside the Compare button. */
  message: string;
};

let marks: Marks = { ids: read(), message: '' };
const listeners = new Set<() => void>();

/** What storage holds, if it is a list of at most two job ids (it is this tab's, but still checked). */
function read(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    const ids = value.filter((id): id is string => typeof id === 'string' && isUsableJobId(id));
    return [...new Set(ids)].slice(-2);
  } catch {
    return [];
  }
}

function set(ids: readonly string[], message: string) {
  marks = { ids, message };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage refused: the marks still hold while this page is open.
  }
  for (const listener of listeners) listener();
}

/** Marks the job, or unmarks it if it is marked; a third mark lets the oldest go. */
export function toggleMark(id: string): void {
  const { ids } = marks;
  const name = shortId(id);
  if (ids.includes(id)) {
    set(
      ids.filter((other) => other !== id),
      `Job ${name} is no longer marked for compare.`,
    );
    return;
  }
  const [oldest, ...rest] = ids;
  if (ids.length < 2 || oldest === undefined) {
    set([...ids, id], `Job ${name} marked for compare (${ids.length + 1} of 2).`);
    return;
  }
  set(
    [...rest, id],
    `Job ${name} marked for compare; job ${shortId(oldest)} is no longer marked (two at most).`,
  );
}

export function clearMarks(): void {
  set([], 'No job is marked for compare.');
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCompareMarks(): Marks {
  return useSyncExternalStore(subscribe, () => marks);
}

/** The marked ids, for the rows' checkboxes; `x` marks the row the keyboard selection is on. */
export function useRowMarks(selectedId: string | null): readonly string[] {
  useShortcuts({
    x: () => {
      if (selectedId !== null) toggleMark(selectedId);
    },
  });
  return useCompareMarks().ids;
}
