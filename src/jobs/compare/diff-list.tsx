import { useId, useState } from 'react';
import { DIFF_KINDS, type DiffKind, type PayloadDiff } from '../../lib/json/json-diff.ts';
import { toJsonPath } from '../../lib/json/json-path.ts';
import { formatNumber, plural, shortId } from '../../lib/format.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { cn } from '../../ui/cn.ts';
import type { JobDetail } from '../job-detail.ts';
import type { Payload } from './diff-query.ts';
import { DiffValueView } from './diff-value.tsx';

/** Rows drawn at first, and added by each "Show more": a long diff must not hold up the page. */
const PAGE = 100;

const KIND_WORDS: Record<DiffKind, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};
const KIND_CLASSES: Record<DiffKind, string> = {
  added: 'border-ok-line bg-ok-soft text-ok-ink',
  removed: 'border-danger-line bg-danger-soft text-danger-ink',
  changed: 'border-warn-line bg-warn-soft text-warn-ink',
};

type Filter = DiffKind | 'all';

type DiffListProps = {
  diff: PayloadDiff;
  payload: Payload;
  jobs: readonly [JobDetail, JobDetail];
};

/** The differences of one payload: counts per kind, a filter by kind, each path with both values. */
export function DiffList({ diff, payload, jobs }: DiffListProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE);
  const name = useId();
  const { counts, entries, asText } = diff;
  const total = counts.added + counts.removed + counts.changed;
  // Job A's document is the diff's `before`, job B's its `after`.
  const sides = [
    { side: 'A', job: jobs[0], of: 'before' },
    { side: 'B', job: jobs[1], of: 'after' },
  ] as const;
  const textNotes = sides
    .filter(({ of }) => asText[of])
    .map(
      ({ job }) => `The ${payload} of job ${shortId(job.id)} is not JSON: it is compared as text.`,
    );

  if (total === 0) {
    return (
      <div className="rounded-lg border border-line bg-surface p-4 text-sm">
        {textNotes.map((note) => (
          <p key={note}>{note}</p>
        ))}
        <p className="font-medium">The {payload}s are identical.</p>
      </div>
    );
  }
  const visible = filter === 'all' ? entries : entries.filter((entry) => entry.kind === filter);
  const countOf = (kind: Filter) => (kind === 'all' ? total : counts[kind]);
  return (
    <div className="space-y-2 text-sm">
      {textNotes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <p>
        {formatNumber(total)} {plural(total, 'difference')}:{' '}
        {DIFF_KINDS.map((kind) => `${formatNumber(counts[kind])} ${kind}`).join(', ')}.
        {entries.length < total &&
          ` The first ${formatNumber(entries.length)} are listed, in the order of the documents.`}
      </p>
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <legend className="float-left mr-1 text-muted">Show</legend>
        {(['all', ...DIFF_KINDS] as const).map((kind) => (
          <label key={kind} className="inline-flex items-center gap-1">
            <input
              type="radio"
              name={name}
              checked={filter === kind}
              onChange={() => {
                setFilter(kind);
                setShown(PAGE);
              }}
            />
            {kind === 'all' ? 'All' : KIND_WORDS[kind]} ({formatNumber(countOf(kind))})
          </label>
        ))}
      </fieldset>
      <ol aria-label={`Differences in the ${payload}`} className="space-y-2">
        {visible.slice(0, shown).map((entry) => {
          const path = toJsonPath(entry.path);
          return (
            <li
              key={`${entry.kind} ${path}`}
              className="rounded-lg border border-line bg-surface p-2"
            >
              <div className="flex flex-wrap items-baseline gap-2">
                <span
                  className={cn(
                    'rounded border px-1.5 text-xs font-medium',
                    KIND_CLASSES[entry.kind],
                  )}
                >
                  {KIND_WORDS[entry.kind]}
                </span>
                <code className="font-mono break-all">{path}</code>
              </div>
              <div className="mt-1 grid gap-2 sm:grid-cols-2">
                {sides.map(({ side, job, of }) => (
                  <DiffValueView
                    key={side}
                    side={side}
                    job={job}
                    payload={payload}
                    path={entry.path}
                    value={entry[of]}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {visible.length > shown && (
        <button type="button" className={buttonClass} onClick={() => setShown(shown + PAGE)}>
          Show {formatNumber(Math.min(PAGE, visible.length - shown))} more of{' '}
          {formatNumber(visible.length - shown)}
        </button>
      )}
    </div>
  );
}
