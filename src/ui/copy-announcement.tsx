import { COPY_WORDS, type CopyState } from './use-copy.ts';

type CopyAnnouncementProps = { state: CopyState };

/** Says aloud how the last copy went, beside a copy button whose own words stay the same. */
export function CopyAnnouncement({ state }: CopyAnnouncementProps) {
  return (
    <span aria-live="polite" className="sr-only">
      {COPY_WORDS[state]}
    </span>
  );
}
