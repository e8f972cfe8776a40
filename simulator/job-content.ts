// Plausible job inputs and outputs for the three kinds of job the dashboard shows. Everything is drawn from a
// seeded Rng, so the same calls produce the same text; big fields are closures that build their text on demand.
import type { Rng } from './prng.ts';

export const JOB_TYPES = {
  extraction: 'inference',
  markdown: 'content-extraction',
  template: 'template-generation',
} as const;

type Doc = {
  title: string;
  text: string;
  /** What a person would ask for when generating a template for this kind of document. */
  request: string;
  template: Record<string, unknown>;
  result: Record<string, unknown>;
};

type Failure = { errorCode: string; errorMessage: string };

const COMPANIES = [
  'Acme Legal LLP',
  'Globex Research Ltd',
  'Initech Software GmbH',
  'Umbrella Logistics S.A.',
  'Stark Components Inc.',
  'Wayne Facilities B.V.',
  'Müller & Söhne KG',
  'Société Générale des Eaux',
  '株式会社サクラ電機',
  'Nordwind Energi AS',
];
const PEOPLE = [
  'Ada Lovelace',
  'Zoë Müller',
  'José Álvarez',
  'Li Wei',
  'Amara Okafor',
  'Søren Kierkegaard',
  'Priya Raman',
  "Liam O'Connor",
  'Fatima Zahra',
  'Hiroshi Tanaka',
];
const CITIES = [
  'Berlin',
  'Paris',
  'Lyon',
  'Oslo',
  'Boston',
  'Osaka',
  'Lagos',
  'Zürich',
  'Dublin',
  'Pune',
];
const PRODUCTS = [
  ['Ergonomic office chair', 249],
  ['Standing desk frame', 389.5],
  ['USB-C docking station', 129.99],
  ['27" monitor', 279],
  ['Annual support contract', 1200],
  ['Toner cartridge (black)', 64.9],
  ['Cloud storage, 1 TB / month', 9.99],
  ['On-site installation (hours)', 85],
] as const;
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const;
const LAWS = [
  'the State of New York',
  'England and Wales',
  'France',
  'the Canton of Zürich',
  'Delaware',
];
const SKILLS = [
  'TypeScript',
  'Rust',
  'SQL',
  'Kubernetes',
  'Contract law',
  'Data analysis',
  'Python',
  'French',
  'Japanese',
];
const TOPICS = [
  'retrieval',
  'document understanding',
  'table extraction',
  'small language models',
  'OCR',
  'layout parsing',
];
const VENUES = ['ACL', 'EMNLP', 'NeurIPS', 'ICDAR', 'arXiv'];

function isoDate(rng: Rng): string {
  return `${rng.int(2023, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function invoice(rng: Rng): Doc {
  const vendor = rng.pick(COMPANIES);
  const customer = rng.pick(COMPANIES.filter((c) => c !== vendor));
  const number = `INV-${rng.int(2023, 2025)}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
  const date = isoDate(rng);
  const currency = rng.pick(CURRENCIES);
  const items = Array.from({ length: rng.int(1, 5) }, () => {
    const [description, unitPrice] = rng.pick(PRODUCTS);
    return { description, quantity: rng.int(1, 12), unit_price: unitPrice };
  });
  const total = money(items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0));
  const address = `${rng.int(1, 120)} Market Street, ${rng.pick(CITIES)}`;
  const text = [
    `INVOICE ${number}`,
    `Date: ${date}`,
    `From: ${vendor}, ${address}`,
    `Bill to: ${customer}`,
    '',
    'Description | Qty | Unit price',
    ...items.map(
      (item) => `${item.description} | ${item.quantity} | ${item.unit_price.toFixed(2)}`,
    ),
    '',
    `Total due: ${total.toFixed(2)} ${currency}`,
    'Payment terms: 30 days net. Late payments accrue 1% interest per month.',
  ].join('\n');
  return {
    title: `Invoice ${number}`,
    text,
    request:
      'Extract the invoice number, issue date, vendor, line items and total from supplier invoices.',
    template: {
      invoice_number: 'verbatim-string',
      issue_date: 'date-time',
      vendor: { name: 'verbatim-string', address: 'string' },
      line_items: [{ description: 'string', quantity: 'integer', unit_price: 'number' }],
      total: { amount: 'number', currency: [...CURRENCIES] },
    },
    result: {
      invoice_number: number,
      issue_date: date,
      vendor: { name: vendor, address },
      line_items: items,
      total: { amount: total, currency },
    },
  };
}

function contract(rng: Rng): Doc {
  const a = rng.pick(COMPANIES);
  const b = rng.pick(COMPANIES.filter((c) => c !== a));
  const date = isoDate(rng);
  const law = rng.pick(LAWS);
  const years = rng.int(1, 5);
  const signatory = rng.pick(PEOPLE);
  const text = [
    'MUTUAL NON-DISCLOSURE AGREEMENT',
    '',
    `This Agreement is entered into as of ${date} (the "Effective Date") by and between ${a} and ${b}.`,
    '1. "Confidential Information" means any information disclosed by either party that is marked confidential.',
    `2. The obligations in this Agreement survive for ${years} year(s) after its termination.`,
    `3. This Agreement is governed by the laws of ${law}.`,
    `Signed: ${signatory} for ${a}; ${rng.pick(PEOPLE.filter((p) => p !== signatory))} for ${b}.`,
  ].join('\n');
  return {
    title: `NDA between ${a} and ${b}`,
    text,
    request:
      'From NDAs, get the parties, the effective date, the governing law and how long confidentiality lasts.',
    template: {
      parties: ['verbatim-string'],
      effective_date: 'date-time',
      governing_law: 'string',
      confidentiality_years: 'integer',
    },
    result: {
      parties: [a, b],
      effective_date: date,
      governing_law: law,
      confidentiality_years: years,
    },
  };
}

function resume(rng: Rng): Doc {
  const name = rng.pick(PEOPLE);
  const email = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]+/g, '.')}@example.com`;
  const skills = [...new Set(Array.from({ length: rng.int(2, 5) }, () => rng.pick(SKILLS)))];
  const experience = Array.from({ length: rng.int(1, 3) }, () => {
    const start = rng.int(2010, 2020);
    return {
      company: rng.pick(COMPANIES),
      title: rng.pick(['Engineer', 'Counsel', 'Analyst', 'Manager']),
      start,
      end: start + rng.int(1, 4),
    };
  });
  const text = [
    name,
    `${email} · ${rng.pick(CITIES)}`,
    '',
    'EXPERIENCE',
    ...experience.map((e) => `${e.start}–${e.end}  ${e.title}, ${e.company}`),
    '',
    `SKILLS: ${skills.join(', ')}`,
  ].join('\n');
  return {
    title: `CV of ${name}`,
    text,
    request: 'Turn CVs into structured candidate profiles: name, email, skills and work history.',
    template: {
      name: 'verbatim-string',
      email: 'verbatim-string',
      skills: ['string'],
      experience: [{ company: 'string', title: 'string', start: 'integer', end: 'integer' }],
    },
    result: { name, email, skills, experience },
  };
}

function paper(rng: Rng): Doc {
  const topic = rng.pick(TOPICS);
  const title = `${rng.pick(['Robust', 'Efficient', 'Scalable', 'Faithful'])} ${topic} for ${rng.pick(['scanned contracts', 'scientific tables', 'multilingual invoices', 'long documents'])}`;
  const authors = [...new Set(Array.from({ length: rng.int(2, 4) }, () => rng.pick(PEOPLE)))];
  const year = rng.int(2021, 2025);
  const venue = rng.pick(VENUES);
  const doi = `10.${rng.int(1000, 9999)}/${topic.replace(/\s+/g, '-')}.${rng.int(100, 999)}`;
  const text = [
    title,
    authors.join(', '),
    `${venue} ${year} · doi:${doi}`,
    '',
    `Abstract. We study ${topic} and show that a small model fine-tuned on synthetic data matches larger ones.`,
    'Our method improves F1 by 4.2 points on average (Table 2) while running 3× faster.',
  ].join('\n');
  return {
    title,
    text,
    request:
      'Collect bibliographic metadata (title, authors, venue, year, DOI) from research papers.',
    template: {
      title: 'verbatim-string',
      authors: ['verbatim-string'],
      venue: 'string',
      year: 'integer',
      doi: 'verbatim-string',
    },
    result: { title, authors, venue, year, doi },
  };
}

function document(rng: Rng): Doc {
  return rng.pick([invoice, contract, resume, paper])(rng);
}

function tokens(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}

/** The model's confidence as the service reports it: the geometric mean of the tokens' probabilities. */
function scores(logprobs: number, outputTokens: number) {
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

function fileNameOf(doc: Doc): string {
  return `${doc.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.pdf`;
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

function extractionOutput(rng: Rng, doc: Doc): string {
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

function markdownOutput(rng: Rng, doc: Doc): string {
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

/** Extraction jobs are the most common, template generation the rarest. */
export function pickJobType(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.55) return JOB_TYPES.extraction;
  if (roll < 0.85) return JOB_TYPES.markdown;
  return JOB_TYPES.template;
}

/** A small input for a job of that type: document text or JSON text, about half and half. */
export function makeInput(rng: Rng, jobType: string): { inputData: string; doc: Doc } {
  const doc = document(rng);
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
  if (jobType === JOB_TYPES.template) {
    const rawModelOutput = JSON.stringify(doc.template);
    return JSON.stringify({
      result: doc.template,
      rawModelOutput,
      ...usage(doc.request, rawModelOutput),
    });
  }
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
