// Plausible job inputs and outputs for the three kinds of job the dashboard shows. Everything is drawn from a
// seeded Rng, so the same calls produce the same text; big fields are closures that build their text on demand.
import type { Rng } from './prng.ts';
import { fileNameOf, PRODUCTS, sampleDocument, type Doc } from './sample-documents.ts';
import {
  extractionOutput,
  markdownOutput,
  scores,
  templateOutput,
  tokens,
} from './sample-outputs.ts';

export const JOB_TYPES = {
  extraction: 'inference',
  markdown: 'content-extraction',
  template: 'template-generation',
} as const;

type Failure = { errorCode: string; errorMessage: string };

/** Extraction jobs are the most common, template generation the rarest. */
export function pickJobType(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.55) return JOB_TYPES.extraction;
  if (roll < 0.85) return JOB_TYPES.markdown;
  return JOB_TYPES.template;
}

/** A small input for a job of that type: document text or JSON text, about half and half. */
export function makeInput(rng: Rng, jobType: string): { inputData: string; doc: Doc } {
  const doc = sampleDocument(rng);
  const asJson = rng.chance(0.5);
  if (jobType === JOB_TYPES.markdown) {
    const fileName = fileNameOf(doc);
    return {
      doc,
      inputData: asJson
        ? JSON.stringify({ fileName, contentType: 'application/pdf', pages: rng.int(1, 40) })
        : doc.text,
    };
  }
  if (jobType === JOB_TYPES.template) {
    return {
      doc,
      inputData: asJson
        ? JSON.stringify({ description: doc.request, exampleText: doc.text.slice(0, 200) })
        : doc.request,
    };
  }
  return {
    doc,
    inputData: asJson ? JSON.stringify({ template: doc.template, text: doc.text }) : doc.text,
  };
}

/** The output of a successful job: extraction result, markdown, or a generated template. */
export function makeOutput(rng: Rng, jobType: string, doc: Doc): string {
  if (jobType === JOB_TYPES.markdown) return markdownOutput(rng, doc);
  if (jobType === JOB_TYPES.template) return templateOutput(doc);
  return extractionOutput(rng, doc);
}

export function makeFailure(rng: Rng, jobType: string): Failure {
  const common: Failure[] = [
    {
      errorCode: 'InternalError',
      errorMessage: 'An internal error occurred while processing the job. Please retry.',
    },
    {
      errorCode: 'QuotaExceeded',
      errorMessage: 'The monthly token quota of this account is used up.',
    },
  ];
  const specific: Record<string, Failure[]> = {
    [JOB_TYPES.extraction]: [
      {
        errorCode: 'ContextLengthExceeded',
        errorMessage: `The input is ${rng.int(33000, 90000)} tokens long; the maximum is 32768.`,
      },
      {
        errorCode: 'InvalidTemplate',
        errorMessage: 'Template field "total.amount" has an unknown type "money".',
      },
    ],
    [JOB_TYPES.markdown]: [
      {
        errorCode: 'UnsupportedFileType',
        errorMessage: 'Files of type application/x-msdownload cannot be converted.',
      },
      {
        errorCode: 'DocumentUnreadable',
        errorMessage: 'The PDF is encrypted and could not be opened.',
      },
    ],
    [JOB_TYPES.template]: [
      { errorCode: 'InvalidInput', errorMessage: 'The description must not be empty.' },
    ],
  };
  return rng.pick([...common, ...(specific[jobType] ?? [])]);
}

// ---- Multi-megabyte fields. Built from index arithmetic (no Rng state kept), so the closures stay tiny. ----

const CLAUSES = [
  'The Supplier shall deliver the Goods in accordance with the delivery schedule set out in Annex B.',
  'Title to the Goods passes to the Customer upon full payment of the purchase price.',
  'Either party may terminate this Agreement with ninety (90) days written notice.',
  'Neither party shall be liable for any failure to perform caused by events beyond its reasonable control.',
  'All notices must be in writing and delivered by hand, courier or e-mail with confirmation of receipt.',
  'The Customer may audit the Supplier’s records relating to this Agreement once per calendar year.',
  'Any dispute arising out of this Agreement shall first be referred to the parties’ senior managers.',
];

function clause(i: number): string {
  return `${Math.floor(i / 7) + 1}.${(i % 7) + 1} ${CLAUSES[i % CLAUSES.length] ?? ''}`;
}

function linesUpTo(targetChars: number, line: (i: number) => string): string[] {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < targetChars; i++) {
    const next = line(i);
    lines.push(next);
    length += next.length + 1;
  }
  return lines;
}

/** A very long contract as plain text. */
export function bigDocumentText(targetChars: number): () => string {
  return () =>
    `MASTER SUPPLY AGREEMENT (consolidated, all annexes)\n\n${linesUpTo(targetChars, clause).join('\n')}`;
}

/** A very long document sent as JSON text (page by page). */
export function bigJsonInput(targetChars: number): () => string {
  return () => {
    const perPage = 40;
    const lines = linesUpTo(targetChars, clause);
    const pages = Array.from({ length: Math.ceil(lines.length / perPage) }, (_, p) => ({
      page: p + 1,
      text: lines.slice(p * perPage, (p + 1) * perPage).join('\n'),
    }));
    return JSON.stringify({
      template: { clauses: [{ number: 'string', text: 'verbatim-string' }] },
      document: { pages },
    });
  };
}

/** An extraction result with tens of thousands of line items (the raw model output repeats it, as it would). */
export function bigExtractionOutput(targetChars: number): () => string {
  return () => {
    // Each item costs about 200 characters in total: once in `result`, once escaped in `rawModelOutput`.
    const count = Math.ceil(targetChars / 200);
    const lineItems = Array.from({ length: count }, (_, i) => {
      const product = PRODUCTS[i % PRODUCTS.length] ?? PRODUCTS[0];
      return {
        line: i + 1,
        description: product[0],
        quantity: (i % 9) + 1,
        unit_price: product[1],
      };
    });
    const result = {
      document_title: 'Consolidated supplier ledger 2024',
      currency: 'EUR',
      line_items: lineItems,
    };
    const rawModelOutput = JSON.stringify(result);
    const outputTokens = tokens(rawModelOutput);
    return JSON.stringify({
      result,
      rawModelOutput,
      inputTokens: 30512,
      outputTokens,
      totalTokens: 30512 + outputTokens,
      ...scores(-412.77, outputTokens),
    });
  };
}

/** A markdown conversion of a book-length document. */
export function bigMarkdownOutput(targetChars: number): () => string {
  return () => {
    // Each chapter: a heading, a five-row summary table, then numbered clauses as paragraphs.
    const markdown = linesUpTo(targetChars, (i) => {
      const line = i % 50;
      if (line === 0) return `\n## Chapter ${i / 50 + 1}\n\n| Clause | Summary |\n| --- | --- |`;
      if (line <= 5) return `| ${i} | ${CLAUSES[i % CLAUSES.length] ?? ''} |`;
      return line === 6 ? '' : `${clause(i)}\n`;
    }).join('\n');
    return JSON.stringify({
      result: `# Master supply agreement\n${markdown}`,
      thinkingTrace:
        'The document is long and regular: numbered clauses, with a short summary table at the start of each chapter.',
    });
  };
}
