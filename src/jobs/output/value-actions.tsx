import { useState } from 'react';
import type { JsonPath } from '../../lib/json/json-model.ts';
import { toJsonPath } from '../../lib/json/json-path.ts';
import type { Occurrence } from '../../lib/find-occurrence.ts';
import { CopyTextButton, linkButtonClass } from './copy-text-button.tsx';
import { InputExcerpt } from './input-excerpt.tsx';

type ValueActionsProps = {
  path: JsonPath;
  /** The input document, when the page has it. */
  source: string | null;
  /** Where the value occurs in it; null when it is not something to look for. */
  occurrences: Occurrence[] | null;
  linkTo?: (path: JsonPath) => string;
};

/** Under a value: find it in the input (shown in place), copy its path, copy a link to it. */
export function ValueActions({ path, source, occurrences, linkTo }: ValueActionsProps) {
  const [showing, setShowing] = useState(false);
  const found = !!occurrences && occurrences.length > 0;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {found && (
          <button
            type="button"
            className={linkButtonClass}
            aria-expanded={showing}
            onClick={() => setShowing(!showing)}
          >
            Find in input
          </button>
        )}
        {occurrences && !found && (
          <span className="text-xs font-medium text-warn">Not found in the input</span>
        )}
        <CopyTextButton label="Copy path" value={() => toJsonPath(path)} />
        {linkTo && (
          <CopyTextButton
            label="Copy link"
            value={() => new URL(linkTo(path), window.location.origin).href}
          />
        )}
      </div>
      {showing && found && source !== null && (
        <InputExcerpt source={source} occurrences={occurrences} />
      )}
    </div>
  );
}
