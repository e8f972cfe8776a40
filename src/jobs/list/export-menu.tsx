import { useRef, useState } from 'react';
import type { ListParams } from '../../api/types.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { cn } from '../../ui/cn.ts';
import type { ExportFormat } from './export-page.ts';

type ExportMenuProps = {
  params: ListParams;
  /** Whether the page has jobs to export (while it loads, or when empty, the button is there, disabled). */
  ready: boolean;
};

/** "Export" the page on screen as NDJSON (whole jobs) or CSV; the code that does it loads on the click. */
export function ExportMenu({ params, ready }: ExportMenuProps) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);

  async function run(format: ExportFormat) {
    setBusy(true);
    setMessage('Exporting…');
    if (menu.current) menu.current.open = false;
    try {
      const { exportPage } = await import('./export-page.ts');
      setMessage(await exportPage(params, format));
    } catch (error) {
      setMessage(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  // Always drawn, so nothing around it moves when the page arrives.
  if (!ready) {
    return (
      <button type="button" className={buttonClass} disabled>
        Export
      </button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <details ref={menu} className="relative">
        <summary className={cn(buttonClass, 'cursor-pointer list-none')}>Export</summary>
        <div className="absolute right-0 z-30 mt-1 flex w-56 flex-col gap-1 rounded-md border border-line bg-surface p-1 shadow-lg">
          <button
            type="button"
            className={buttonClass}
            disabled={busy}
            onClick={() => void run('ndjson')}
          >
            This page as NDJSON (whole jobs)
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={busy}
            onClick={() => void run('csv')}
          >
            This page as CSV (metadata, error)
          </button>
        </div>
      </details>
      <span role="status">{message}</span>
    </div>
  );
}
