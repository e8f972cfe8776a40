import type { ReactNode } from 'react';
import { cn } from './cn.ts';

type NoticeProps = {
  tone: 'amber' | 'sky';
  onDismiss?: () => void;
  children: ReactNode;
};

const TONES = {
  amber: 'border-warn-line bg-warn-soft text-warn-ink',
  sky: 'border-info-line bg-info-soft text-info-ink',
};

/** A short message above the content (a correction, something that moved), dismissable or not. */
export function Notice({ tone, onDismiss, children }: NoticeProps) {
  return (
    <div
      role="status"
      className={cn('flex items-start gap-3 rounded-lg border px-3 py-2 text-sm', TONES[tone])}
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
