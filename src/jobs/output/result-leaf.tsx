import type { JsonPath, Summary } from '../../lib/json/json-model.ts';
import { relativeJsonPath } from '../../lib/json/json-path.ts';
import { leafText } from './document-text.ts';
import { useOccurrences } from './use-occurrences.ts';
import { ValueActions } from './value-actions.tsx';

type ResultLeafProps = {
  path: JsonPath;
  summary: Summary;
  source: string | null;
  linkTo?: (path: JsonPath) => string;
};

const RESULT: JsonPath = ['result'];

/** One extracted value: where it is in the result, what it is, and what can be done with it. */
export function ResultLeaf({ path, summary, source, linkTo }: ResultLeafProps) {
  const occurrences = useOccurrences(source, summary);
  const { text, empty } = leafText(summary);
  return (
    <li className="py-2">
      <div className="font-mono text-xs break-all text-code-key">
        {relativeJsonPath(path, RESULT)}
      </div>
      <div className="text-sm break-words">
        {empty ? <span className="text-muted italic">empty ({text})</span> : text}
      </div>
      <ValueActions path={path} source={source} occurrences={occurrences} linkTo={linkTo} />
    </li>
  );
}
