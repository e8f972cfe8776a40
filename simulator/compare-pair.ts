// Two seeded jobs made to be compared: one invoice extracted twice, with a detailed template and then a
// flat one. Written out by hand (no Rng draw), so the rest of the seeded world stays as it was and a
// test can name the differences: the second drops the issue date, the vendor's address and the unit
// prices, makes the total a bare number, and adds the payment terms.
import type { NewJob } from './job-store.ts';

export const COMPARE_PAIR_IDS = [
  '0c3a7f52-9d1e-4b6a-8f20-5e7c1d9a4b31',
  '5e81b0d4-2c6f-4a13-9b7e-3d0f8a6c2e57',
] as const;

const TEXT = [
  'INVOICE INV-2025-00417',
  'Date: 2025-03-14',
  'From: Müller & Söhne KG, 12 Market Street, Zürich',
  'Bill to: Acme Legal LLP',
  '',
  'Description | Qty | Unit price',
  'Standing desk frame | 2 | 389.50',
  'USB-C docking station | 3 | 129.99',
  '',
  'Total due: 1168.97 EUR',
  'Payment terms: 30 days net.',
].join('\n');

const DETAILED = {
  template: {
    invoice_number: 'verbatim-string',
    issue_date: 'date-time',
    vendor: { name: 'verbatim-string', address: 'string' },
    line_items: [{ description: 'string', quantity: 'integer', unit_price: 'number' }],
    total: { amount: 'number', currency: ['EUR', 'USD', 'GBP', 'CHF'] },
  },
  result: {
    invoice_number: 'INV-2025-00417',
    issue_date: '2025-03-14',
    vendor: { name: 'Müller & Söhne KG', address: '12 Market Street, Zürich' },
    line_items: [
      { description: 'Standing desk frame', quantity: 2, unit_price: 389.5 },
      { description: 'USB-C docking station', quantity: 3, unit_price: 129.99 },
    ],
    total: { amount: 1168.97, currency: 'EUR' },
  },
  usage: { inputTokens: 214, outputTokens: 96, logprobs: -1.84 },
};

const FLAT = {
  template: {
    invoice_number: 'verbatim-string',
    vendor: { name: 'verbatim-string' },
    line_items: [{ description: 'string', quantity: 'integer' }],
    total: 'number',
    payment_terms: 'string',
  },
  result: {
    invoice_number: 'INV-2025-00417',
    vendor: { name: 'Müller & Söhne KG' },
    line_items: [
      { description: 'Standing desk frame', quantity: 2 },
      { description: 'USB-C docking station', quantity: 3 },
    ],
    total: 1168.97,
    payment_terms: '30 days net.',
  },
  usage: { inputTokens: 188, outputTokens: 61, logprobs: -0.93 },
};

/** The pair, created a day ago, ten minutes apart (the flat template second). */
export function comparePair(baseTimeMs: number): NewJob[] {
  return [DETAILED, FLAT].map((run, i) => {
    const created = baseTimeMs - 26 * 3_600_000 + i * 600_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const { inputTokens, outputTokens, logprobs } = run.usage;
    return {
      id: COMPARE_PAIR_IDS[i] ?? '',
      jobType: 'inference',
      status: 'completed',
      ownerUser: 'demo',
      inputData: JSON.stringify({ template: run.template, text: TEXT }),
      outputData: JSON.stringify({
        result: run.result,
        rawModelOutput: JSON.stringify(run.result),
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
        logprobs,
      }),
      createdAt: iso(created),
      startedAt: iso(created + 1_500),
      updatedAt: iso(created + 9_000 - i * 2_000),
      completedAt: iso(created + 9_000 - i * 2_000),
      origin: 'seed',
    };
  });
}
