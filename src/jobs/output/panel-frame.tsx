import type { ReactNode } from 'react';

// The output's body always takes this height, whatever it holds (the promise of an output, "Reading…",
// a tree of three keys or of thousands) and scrolls inside: nothing below it moves when it arrives.
const RESERVED_BODY = 'flex h-[min(60vh,30rem)] flex-col';

type PanelFrameProps = {
  title: string;
  headingId: string;
  /** Beside the title: size and kind. */
  detail?: ReactNode;
  actions?: ReactNode;
  reserve: boolean;
  children: ReactNode;
};

/** A payload's box: its heading, size and buttons on one row, then its body. */
export function PanelFrame({
  title,
  headingId,
  detail,
  actions,
  reserve,
  children,
}: PanelFrameProps) {
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-line bg-surface p-3 sm:p-4"
    >
      {/* At least a button's height: the row is as tall before its buttons come as after. */}
      <div className="mb-3 flex min-h-8.5 flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <span className="text-xs text-muted">{detail}</span>
        <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>
      </div>
      {reserve ? <div className={RESERVED_BODY}>{children}</div> : children}
    </section>
  );
}
