import { useMemo } from 'react';
import { findOccurrences, type Occurrence } from '../../lib/find-occurrence.ts';
import type { Summary } from '../../lib/json/json-model.ts';
import { needleOf } from './document-text.ts';

/** Where a leaf occurs in the input: null when there is no input or nothing to look for. */
export function useOccurrences(source: string | null, summary: Summary): Occurrence[] | null {
  return useMemo(() => {
    const needle = needleOf(summary);
    return source === null || needle === null ? null : findOccurrences(source, needle);
  }, [source, summary]);
}
