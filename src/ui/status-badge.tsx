const STYLES: Record<string, string> = {
  queued:
    'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  running:
    'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  completed:
    'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  failed:
    'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800',
};
// Statuses we don't know are shown as they are, in a neutral badge.
const NEUTRAL =
  'bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600';

type StatusBadgeProps = { status: string };

export function StatusBadge({ status }: StatusBadgeProps) {
  const style = STYLES[status.toLowerCase()] ?? NEUTRAL;
  return (
    <span
      className={`inline-flex max-w-40 items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}
      title={status}
    >
      {status || 'unknown'}
    </span>
  );
}
