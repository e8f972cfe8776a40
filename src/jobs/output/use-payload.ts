import { startTransition, useEffect, useState } from 'react';
import { isContainer, mightBeJson, pathKey, type JsonPath } from '../../lib/json/json-model.ts';
import type { OutputShape } from '../../lib/json/output-shape.ts';
import { parseJsonText, type ParseOutcome } from '../../ui/json-viewer/json-doc.ts';
import { loadTree } from './lazy-json-tree.tsx';

/** A payload ready to show: parsed (or text), its kind of output, and whether a linked value exists. */
export type Prepared = {
  outcome: ParseOutcome;
  shape?: OutputShape;
  /** The linked value's path, when the document has it. */
  found?: JsonPath;
  /** What the tree opens at first: the root and, for an output, its result. */
  expanded?: Set<string>;
};

/**
 * Parses a payload (off the main thread when large), tells what kind of output it is and loads the way
 * to a linked value, before anything is drawn. A newer text (or leaving) discards the old work.
 */
export function usePayload(
  text: string,
  isOutput: boolean,
  target: JsonPath | null,
): Prepared | undefined {
  const [prepared, setPrepared] = useState<{
    text: string;
    target: JsonPath | null;
    value: Prepared;
  } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let release: (() => void) | undefined;
    // Fetch the viewer's code while the text is parsed, not after.
    const code = mightBeJson(text) ? loadTree().catch(() => undefined) : undefined;
    void (async () => {
      const outcome = await parseJsonText(text, controller.signal);
      if (outcome.kind === 'json') release = () => outcome.doc.dispose();
      if (controller.signal.aborted) return;
      const value: Prepared = { outcome };
      if (outcome.kind === 'json') {
        value.expanded = new Set([pathKey([])]);
        // The first rows are loaded before the tree is drawn: it appears whole, not in steps.
        const root = isContainer(outcome.doc.root) ? await outcome.doc.loadMore([]) : undefined;
        const result = root?.entries.find((entry) => entry.key === 'result');
        if (isOutput && result && isContainer(result.summary)) {
          await outcome.doc.loadMore(['result']);
          value.expanded.add(pathKey(['result']));
        }
        if (isOutput) value.shape = await outcome.doc.describe();
        if (target && (await outcome.doc.reveal(target))) value.found = target;
      }
      await code;
      // A transition: React draws the views in slices, yielding to input, not in one long task.
      if (!controller.signal.aborted) startTransition(() => setPrepared({ text, target, value }));
    })().catch(() => {
      if (!controller.signal.aborted) {
        setPrepared({
          text,
          target,
          value: { outcome: { kind: 'text', reason: 'unreadable', bytes: text.length } },
        });
      }
    });
    return () => {
      controller.abort();
      release?.();
    };
  }, [text, isOutput, target]);

  // Only what was prepared for this text and link: an older document has been released.
  return prepared?.text === text && prepared.target === target ? prepared.value : undefined;
}
