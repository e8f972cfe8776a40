import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'amber' | 'sky';
  onDismiss?: () => void;
  children: ReactNode;
};

const TONES = {
  amber:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  sky: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100',
};

/** A short message above the content (a correction, something that moved), dismissable or not. */
export function Notice({ tone, onDismiss, children }: NoticeProps) {
  return (
    <div
      role="status"
      className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${TONES[tone]}`}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {onDismiss && (
        <button type="button" className="shrink-0 font-medium underline" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
