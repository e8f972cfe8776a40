import { useEffect, useRef } from 'react';
import { buttonClass } from '../ui/button-styles.ts';

// Each line: the keys (alternatives, or a sequence when marked 'then') and what they do.
type Line = [keys: string[], what: string, joiner?: 'then'];
const GROUPS: { title: string; keys: Line[] }[] = [
  {
    title: 'Anywhere',
    keys: [
      [['?'], 'Show these shortcuts'],
      [['/'], 'Jump to a job by its id'],
      [['g', 'l'], 'Go to the jobs list', 'then'],
    ],
  },
  {
    title: 'Jobs list',
    keys: [
      [['j', '↓'], 'Select the next job'],
      [['k', '↑'], 'Select the previous job'],
      [['Enter'], 'Open the selected job'],
      [['o'], 'Open the selected job in a new tab'],
      [['x'], 'Mark the selected job for compare (two at most)'],
      [['['], 'Previous page'],
      [[']'], 'Next page'],
    ],
  },
  {
    title: 'Job page',
    keys: [
      [['c'], 'Copy the job id'],
      [['r'], 'Show the output as raw text, or as a tree'],
      [['Esc'], 'Back to the list, on the page you left'],
    ],
  },
];

type ShortcutsDialogProps = { onClose: () => void };

/** Every shortcut, in a modal dialog: the page behind it is inert, Esc or Close shuts it. */
export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    dialog?.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-heading"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg border border-line bg-surface p-4 text-sm text-ink shadow-xl backdrop:bg-slate-950/50"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="shortcuts-heading" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      </div>
      <p className="mt-1 text-muted">They do nothing while you type in a field.</p>
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title} className="mt-3">
          <h3 className="font-semibold">{group.title}</h3>
          <dl className="mt-1 space-y-1">
            {group.keys.map(([keys, what, joiner = 'or']) => (
              <div key={what} className="flex items-baseline gap-3">
                <dt className="w-24 shrink-0">
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ` ${joiner} `}
                      <kbd className="rounded border border-line-strong px-1.5 font-mono text-xs">
                        {key}
                      </kbd>
                    </span>
                  ))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
