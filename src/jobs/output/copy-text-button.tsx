import { CopyAnnouncement } from '../../ui/copy-announcement.tsx';
import { useCopy } from '../../ui/use-copy.ts';

export const linkButtonClass = 'text-xs text-accent underline hover:no-underline';

type CopyTextButtonProps = {
  /** The button's words, e.g. "Copy path". */
  label: string;
  /** Made when clicked (a link needs the page's origin). */
  value: () => string;
};

/** A small text button that copies a value and says aloud whether it worked. */
export function CopyTextButton({ label, value }: CopyTextButtonProps) {
  const [state, copy] = useCopy();

  return (
    <>
      <button type="button" className={linkButtonClass} onClick={() => void copy(value())}>
        {label}
      </button>
      <CopyAnnouncement state={state} />
    </>
  );
}
