import { useEffect, useState } from 'react';

export const linkButtonClass =
  'text-xs text-indigo-700 underline hover:no-underline dark:text-indigo-300';

type CopyTextButtonProps = {
  /** The button's words, e.g. "Copy path". */
  label: string;
  /** Made when clicked (a link needs the page's origin). */
  value: () => string;
};

/** A small text button that copies a value and says, in its place and aloud, whether it worked. */
export function CopyTextButton({ label, value }: CopyTextButtonProps) {
  const [state, setState] = useState<'idle' | 'Copied' | 'Copy failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(value());
      setState('Copied');
    } catch {
      setState('Copy failed');
    }
  }

  return (
    <>
      <button type="button" className={linkButtonClass} onClick={() => void copy()}>
        {label}
      </button>
      <span aria-live="polite" className="sr-only">
        {state === 'idle' ? '' : state}
      </span>
    </>
  );
}
