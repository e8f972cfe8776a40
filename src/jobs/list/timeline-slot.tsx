import { lazy, Suspense } from 'react';
import { useStoredFlag } from '../../ui/stored-flag.ts';
import type { ListJob } from './list-job.ts';

/** "Show timeline", one choice for every tab and visit. */
export function useShowTimeline() {
  return useStoredFlag('nuextract.showTimeline', 'local');
}

// The picture's code is a chunk of its own, fetched once rows are on screen: not in the first load.
// Should it fail to arrive (offline, a new deploy), the place says so instead of breaking the list.
const PageTimeline = lazy(() =>
  import('./page-timeline.tsx').then(
    (module) => ({ default: module.PageTimeline }),
    () => ({
      default: () => (
        <p className="p-3 text-sm text-muted">
          The timeline could not be loaded. Reload the page to try again.
        </p>
      ),
    }),
  ),
);

type TimelineSlotProps = {
  /** null while the first page loads. */
  rows: readonly ListJob[] | null;
  onSelect: (id: string) => void;
};

/**
 * The timeline's place above the table, when shown. Its height is fixed and taken from the first frame
 * (before the rows or the code arrive), so nothing below it moves; hidden, it renders nothing at all.
 */
export function TimelineSlot({ rows, onSelect }: TimelineSlotProps) {
  const [shown] = useShowTimeline();
  if (!shown) return null;
  return (
    <div data-testid="timeline" className="h-56 rounded-lg border border-line bg-surface">
      {rows && (
        <Suspense fallback={null}>
          <PageTimeline rows={rows} onSelect={onSelect} />
        </Suspense>
      )}
    </div>
  );
}
