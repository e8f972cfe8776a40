// What the service answers for a finished job of each kind, around a sample document: an extraction's
// result with its token counts, confidence and the 2026 extras; a markdown conversion; a template.
import type { Rng } from './prng.ts';
import { fileNameOf, type Doc } from './sample-documents.ts';

export function tokens(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}

/** The model's confidence as the service reports it: the geometric mean of the tokens' probabilities. */
export function scores(logprobs: number, outputTokens: number) {
  return {
    logprobs,
    outputTokenProbability: Math.round(Math.exp(logprobs / outputTokens) * 10_000) / 10_000,
  };
}

/** A number from 0 to 1 fixed by the text (no Rng draw, so the rest of the world stays as it was). */
function fraction(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return (h % 1000) / 1000;
}

// The fields a 2026 service adds around an extraction's result (api/vendor-2026.md), fixed by the
// document: its file, the examples picked for it, the model's reasoning, and for some papers a
// result that does not fit the template.
function extractionExtras(doc: Doc): Record<string, unknown> {
  const f = fraction(doc.text);
  const extras: Record<string, unknown> = {
    documentInfo: {
      documentId: `doc-${Math.round(f * 1e6)}`,
      fileId: `file-${Math.round(f * 1e6)}`,
      fileName: fileNameOf(doc),
      partCount: 1 + Math.round(f * 4),
      dpi: 200,
      type: 'pdf',
    },
  };
  if (doc.title.startsWith('Invoice')) {
    extras.selectedExamples = [
      {
        exampleId: 'ex-invoice-1',
        exampleName: 'Supplier invoice, EU',
        tokensCount: 412,
        similarity: 0.91,
      },
      {
        exampleId: 'ex-invoice-7',
        exampleName: 'Invoice with many lines',
        tokensCount: 988,
        similarity: Math.round((0.6 + f / 4) * 100) / 100,
      },
    ];
  }
  if (f < 0.5) {
    extras.thinkingTrace = `The document is titled "${doc.title}". I matched each template field to the first place the document states it and copied verbatim fields exactly.`;
  }
  if (doc.title.startsWith('CV') && f < 0.4) {
    extras.error = {
      errorCode: 'TemplateMismatch',
      message: 'experience[0].end: expected an integer, found a year range.',
    };
  }
  return extras;
}

export function extractionOutput(rng: Rng, doc: Doc): string {
  const rawModelOutput = JSON.stringify(doc.result);
  const inputTokens = tokens(doc.text) + 120;
  const outputTokens = tokens(rawModelOutput);
  return JSON.stringify({
    result: doc.result,
    rawModelOutput,
    ...extractionExtras(doc),
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    ...scores(-Math.round(rng.next() * 800) / 100, outputTokens),
  });
}

/** Token counts and scores for outputs that had no Rng draw for them (drawn from the text instead). */
function usage(input: string, output: string) {
  const inputTokens = tokens(input) + 80;
  const outputTokens = tokens(output);
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    ...scores(-Math.round(fraction(output) * outputTokens * 4) / 100, outputTokens),
  };
}

function markdownOf(doc: Doc): string {
  const [, ...lines] = doc.text.split('\n');
  let inTable = false;
  const body = lines.flatMap((line) => {
    if (!line.includes(' | ')) {
      inTable = false;
      return [line];
    }
    const row = `| ${line} |`;
    if (inTable) return [row];
    inTable = true;
    return [row, `|${' --- |'.repeat(line.split(' | ').length)}`]; // header row, then the separator
  });
  return `# ${doc.title}\n\n${body.join('\n').trim()}\n`;
}

export function markdownOutput(rng: Rng, doc: Doc): string {
  const blocks = rng.int(1, 3);
  const trace = rng.chance(0.6)
    ? {
        thinkingTrace: `The page has ${blocks} text block${blocks === 1 ? '' : 's'} and ${doc.text.includes(' | ') ? 'one table' : 'no table'}. I kept the reading order and turned the heading into a level-1 title.`,
      }
    : {};
  const markdown = markdownOf(doc);
  return JSON.stringify({
    result: markdown,
    rawModelOutput: markdown,
    ...trace,
    ...usage(doc.text, markdown),
  });
}

export function templateOutput(doc: Doc): string {
  const rawModelOutput = JSON.stringify(doc.template);
  return JSON.stringify({
    result: doc.template,
    rawModelOutput,
    ...usage(doc.request, rawModelOutput),
  });
}
