import { mightBeJson, type Summary } from '../../lib/json/json-model.ts';
import { searchableText } from '../../lib/find-occurrence.ts';

/** Inputs sent as JSON are parsed here for their text only up to this size. */
const MAX_JSON_INPUT = 8_000_000;

/**
 * The document an extraction read: the input's `text` field when the input is a JSON request that has
 * one, else the input as it is.
 */
export function documentText(inputData: string): string {
  if (!mightBeJson(inputData) || inputData.length > MAX_JSON_INPUT) return inputData;
  try {
    const value: unknown = JSON.parse(inputData);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const text: unknown = (value as Record<string, unknown>).text;
      if (typeof text === 'string') return text;
    }
  } catch {
    // Not JSON after all: the text as it is.
  }
  return inputData;
}

/** What a leaf is looked for as in the input, or null (containers, booleans, null, cut strings). */
export function needleOf(summary: Summary): string | null {
  switch (summary.type) {
    case 'string':
      return summary.value.length === summary.length ? searchableText(summary.value) : null;
    case 'number':
      return searchableText(summary.value, summary.source);
    default:
      return null;
  }
}

/** A leaf as one line of text, and whether it is empty (no text, null, nothing inside). */
export function leafText(summary: Summary): { text: string; empty: boolean } {
  switch (summary.type) {
    case 'string':
      return {
        text: summary.value.length < summary.length ? `${summary.value}…` : summary.value,
        empty: summary.value.trim() === '',
      };
    case 'number':
      return { text: summary.source ?? String(summary.value), empty: false };
    case 'boolean':
      return { text: String(summary.value), empty: false };
    case 'null':
      return { text: 'null', empty: true };
    case 'object':
    case 'array': {
      const [open, close] = summary.type === 'object' ? ['{', '}'] : ['[', ']'];
      return summary.count === 0
        ? { text: `${open}${close}`, empty: true }
        : { text: `${open}…${close} ${summary.count} inside (see JSON)`, empty: false };
    }
  }
}
