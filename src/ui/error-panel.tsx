import type { ReactNode } from 'react';

type ErrorPanelProps = {
  title: string;
  message?: string;
  children?: ReactNode;
};

/** A failure explained in place, with what the person can do next as children (Retry, a link). */
export function ErrorPanel({ title, message, children }: ErrorPanelProps) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger-line bg-danger-soft p-4 text-danger-ink"
    >
      <h2 className="font-semibold">{title}</h2>
      {message && <p className="mt-1 text-sm break-words whitespace-pre-wrap">{message}</p>}
      {children && <div className="mt-3 flex flex-wrap gap-2">{children}</div>}
    </div>
  );
}
