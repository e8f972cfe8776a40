import type { Ref } from 'react';
import { cn } from './cn.ts';
import { CopyAnnouncement } from './copy-announcement.tsx';
import { COPY_WORDS, useCopy } from './use-copy.ts';

type CopyButtonProps = {
  /** The full value copied, whatever the screen shows of it. */
  value: string;
  /** The button's accessible name, e.g. "Copy job id". */
  label: string;
  className?: string;
  /** A word shown beside the icon, where several copy buttons sit together ("ID", "Link"); the
   * accessible name (`label`) must contain it. */
  text?: string;
  /** For a keyboard shortcut that presses it (the job page's c). */
  ref?: Ref<HTMLButtonElement>;
};

// Made once: a page of rows has a copy button each.
const COPIED_ICON = (
  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-ok">
    <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" />
  </svg>
);
const COPY_ICON = (
  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5">
    {/* The front sheet and the corner of the one behind, one path (one element in each row). */}
    <path
      d="M6.5 5h6A1.5 1.5 0 0 1 14 6.5v6a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 5 12.5v-6A1.5 1.5 0 0 1 6.5 5zM11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    />
  </svg>
);

/** A small icon button that copies `value` and says whether it worked. */
export function CopyButton({ value, label, className, text, ref }: CopyButtonProps) {
  const [state, copy] = useCopy();

  const hint = COPY_WORDS[state] || label;
  return (
    <>
      <button
        ref={ref}
        type="button"
        onClick={() => void copy(value)}
        aria-label={label}
        title={hint}
        className={cn(
          'inline-flex h-6 shrink-0 items-center justify-center rounded text-muted hover:bg-raised hover:text-ink',
          text ? 'gap-1 px-1.5 text-xs font-medium' : 'w-6',
          className,
        )}
      >
        {state === 'copied' ? COPIED_ICON : COPY_ICON}
        {text}
      </button>
      <CopyAnnouncement state={state} />
    </>
  );
}
