import { useId } from 'react';
import { PanelFrame } from './panel-frame.tsx';

type PayloadPlaceholderProps = { title: string; message: string };

/** Where a job's output will be, at the size it will take, until there is one. */
export function PayloadPlaceholder({ title, message }: PayloadPlaceholderProps) {
  const headingId = useId();
  return (
    <PanelFrame title={title} headingId={headingId} reserve>
      <p className="flex flex-1 items-center justify-center rounded-md border border-dashed border-line-strong p-4 text-center text-sm text-muted">
        {message}
      </p>
    </PanelFrame>
  );
}
