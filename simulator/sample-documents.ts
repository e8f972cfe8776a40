// Sample documents for the simulator's jobs (an invoice, a contract, a CV, a paper): each its text, what a
// template for it asks, and the result an extraction of it gives. Drawn from a seeded Rng, so the same
// calls give the same documents.
import type { Rng } from './prng.ts';

export type Doc = {
  title: string;
  text: string;
  /** What a person would ask for when generating a template for this kind of document. */
  request: string;
  template: Record<string, unknown>;
  result: Record<string, unknown>;
};

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
export const PRODUCTS = [
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

/** One of the four kinds of document, drawn from `rng`. */
export function sampleDocument(rng: Rng): Doc {
  return rng.pick([invoice, contract, resume, paper])(rng);
}

/** The PDF name the document was uploaded under. */
export function fileNameOf(doc: Doc): string {
  return `${doc.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.pdf`;
}
