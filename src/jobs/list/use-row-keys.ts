import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../paths.ts';
import { useShortcuts } from '../../ui/shortcuts.ts';

function rowLink(id: string): HTMLElement | null {
  return document.querySelector(`tr[data-job-id="${CSS.escape(id)}"] a`);
}

/**
 * j/k and the arrows move a selection over the rows on screen (the row's link takes the focus, so the
 * selection is seen and announced), Enter opens it and o opens it in a new tab.
 */
export function useRowKeys(ids: readonly string[]): {
  selectedId: string | null;
  select: (id: string) => void;
} {
  const navigate = useNavigate();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const at = selectedId === null ? -1 : ids.indexOf(selectedId);

  function move(by: number) {
    if (ids.length === 0) return;
    const next =
      at === -1 ? (by > 0 ? 0 : ids.length - 1) : Math.max(0, Math.min(ids.length - 1, at + by));
    const id = ids[next];
    if (id === undefined) return;
    setSelectedId(id);
    rowLink(id)?.focus();
  }
  const selected = at === -1 ? undefined : ids[at];
  const down = () => move(1);
  const up = () => move(-1);
  useShortcuts({
    j: down,
    k: up,
    ArrowDown: down,
    ArrowUp: up,
    Enter: () => {
      if (selected) void navigate(paths.job(selected));
    },
    o: () => {
      if (!selected) return;
      // Opened with this tab as its opener, so it starts with this tab's session (sessionStorage is
      // copied to it); the link back is cut at once.
      const tab = window.open(paths.job(selected), '_blank');
      if (tab) tab.opener = null;
    },
  });
  return { selectedId: selected ?? null, select: setSelectedId };
}
