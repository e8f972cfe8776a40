// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../api/schema.gen.ts';
import { createSimulator } from './app.ts';
import { COMPARE_PAIR_IDS } from './compare-pair.ts';
import { startSimulatorServer } from './server.ts';
import type { SimulatorServer } from './server.ts';

type JobResponse = components['schemas']['JobResponse'];
type Page = components['schemas']['PaginatedResponseJobResponse'];

const DEMO = 'nx-demo-4f6b2c1e9a7d';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MB = 1024 * 1024;

let first: SimulatorServer;
let second: SimulatorServer;

async function allJobs(server: SimulatorServer, organization?: string): Promise<JobResponse[]> {
  const jobs: JobResponse[] = [];
  const org = organization === undefined ? '' : `&organization=${organization}`;
  for (let skip = 0; ; skip += 100) {
    const res = await fetch(`${server.url}/api/jobs?skip=${skip}&perPage=100${org}`, {
      headers: { Authorization: `Bearer ${DEMO}` },
    });
    const page = (await res.json()) as Page;
    jobs.push(...(page.items ?? []));
    if (skip + 100 >= page.totalCount) return jobs;
  }
}

/** The content of a job without its times, big fields reduced to a hash so comparisons stay cheap. */
function timeless(job: JobResponse): Record<string, unknown> {
  const { startedAt, createdAt, updatedAt, completedAt, inputData, outputData, ...rest } = job;
  void [startedAt, createdAt, updatedAt, completedAt];
  const hash = (text: string | undefined) => text && createHash('sha1').update(text).digest('hex');
  return {
    ...rest,
    inputData: hash(inputData),
    outputData: hash(outputData),
    finished: completedAt !== undefined,
  };
}

let personal: JobResponse[] = [];

beforeAll(async () => {
  first = await startSimulatorServer({ port: 0, controls: true });
  // A little later, so the two worlds are built from different start times.
  await new Promise((resolve) => setTimeout(resolve, 30));
  second = await startSimulatorServer({ port: 0, controls: true });
  personal = await allJobs(first);
}, 20_000);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('seeded data', () => {
  it('is identical on every start, apart from the times', async () => {
    for (const org of [undefined, 'acme-legal', 'globex-research']) {
      const a = await allJobs(first, org);
      const b = await allJobs(second, org);
      expect(b.map(timeless)).toEqual(a.map(timeless));
    }
  }, 60_000); // fetches every seeded job twice, multi-megabyte ones (about 30 MB) included

  it('counts times back from the start', async () => {
    const newest = personal[0];
    expect(newest).toBeDefined();
    expect(Date.now() - Date.parse(newest?.createdAt ?? '')).toBeLessThan(5 * 60_000);
    const oldest = personal.at(-1);
    const spanDays =
      (Date.parse(newest?.createdAt ?? '') - Date.parse(oldest?.createdAt ?? '')) / 86_400_000;
    expect(spanDays).toBeGreaterThan(21);
  });

  it('gives demo at least 240 personal jobs and dozens in each organization', async () => {
    expect(personal.length).toBeGreaterThanOrEqual(240);
    for (const org of ['acme-legal', 'globex-research'])
      expect((await allJobs(first, org)).length).toBeGreaterThanOrEqual(24);
  });

  it('has all four statuses and the three job types, with UUID ids', () => {
    expect(new Set(personal.map((job) => job.status))).toEqual(
      new Set(['queued', 'running', 'completed', 'failed']),
    );
    expect(new Set(personal.map((job) => job.jobType))).toEqual(
      new Set(['inference', 'content-extraction', 'template-generation']),
    );
    expect(personal.every((job) => UUID.test(job.id))).toBe(true);
    expect(new Set(personal.map((job) => job.id)).size).toBe(personal.length);
    // The unfinished ones are recent.
    const unfinished = personal.filter((job) => job.completedAt === undefined);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.every((job) => personal.indexOf(job) < 10)).toBe(true);
  });

  it('keeps the job fields consistent with the status', () => {
    for (const job of personal) {
      expect(Date.parse(job.startedAt)).toBeGreaterThanOrEqual(Date.parse(job.createdAt));
      expect(Date.parse(job.updatedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
      const finished = job.status === 'completed' || job.status === 'failed';
      expect(job.completedAt !== undefined).toBe(finished);
      if (job.status === 'failed') {
        expect(job.errorCode).toEqual(expect.any(String));
        expect(job.errorMessage).toEqual(expect.any(String));
        expect(job.outputData).toBeUndefined();
      }
      if (job.status === 'completed') expect(job.outputData).toEqual(expect.any(String));
    }
  });

  it('shapes outputs per job type, as the README describes', () => {
    const parse = (text: string | undefined): unknown => {
      try {
        return JSON.parse(text ?? '');
      } catch {
        return undefined;
      }
    };
    const completed = personal.filter(
      (job) => job.status === 'completed' && (job.outputData?.length ?? 0) < 100_000,
    );
    const extraction = completed
      .filter((job) => job.jobType === 'inference')
      .map((job) => parse(job.outputData));
    expect(extraction.length).toBeGreaterThan(20);
    expect(
      extraction
        .filter(Boolean)
        .every(
          (o) =>
            typeof o === 'object' &&
            o !== null &&
            'result' in o &&
            'rawModelOutput' in o &&
            'totalTokens' in o,
        ),
    ).toBe(true);
    const markdown = completed
      .filter((job) => job.jobType === 'content-extraction')
      .map((job) => parse(job.outputData));
    expect(
      markdown.some(
        (o) =>
          typeof (o as { result?: unknown })?.result === 'string' &&
          (o as { result: string }).result.startsWith('# '),
      ),
    ).toBe(true);
    expect(
      markdown.some((o) => typeof (o as { thinkingTrace?: unknown })?.thinkingTrace === 'string'),
    ).toBe(true);
    const templates = completed
      .filter((job) => job.jobType === 'template-generation')
      .map((job) => parse(job.outputData));
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((o) => typeof (o as { result?: unknown })?.result === 'object')).toBe(
      true,
    );
    // Inputs: some JSON text, some not.
    const jsonInputs = personal.filter((job) => parse(job.inputData) !== undefined).length;
    expect(jsonInputs).toBeGreaterThan(30);
    expect(personal.length - jsonInputs).toBeGreaterThan(30);
  });

  it('has a pair made for compare: one document, two templates, on the first page of 100', () => {
    const pair = COMPARE_PAIR_IDS.map((id) => personal.find((job) => job.id === id));
    const [a, b] = pair.map((job) => JSON.parse(job?.inputData ?? '{}') as { text?: string });
    expect(a?.text).toContain('INV-2025-00417');
    expect(b?.text).toBe(a?.text);
    expect(pair.map((job) => job?.status)).toEqual(['completed', 'completed']);
    for (const job of pair) expect(job && personal.indexOf(job)).toBeLessThan(100);
  });

  it('includes 4-5 multi-megabyte jobs (2-8 MB, and one of about 10 MB), not all on the first page', async () => {
    const everything = [
      ...personal,
      ...(await allJobs(first, 'acme-legal')),
      ...(await allJobs(first, 'globex-research')),
    ];
    const big = everything.filter(
      (job) => Math.max(job.inputData.length, job.outputData?.length ?? 0) > 2 * MB,
    );
    expect(big.length).toBeGreaterThanOrEqual(4);
    expect(big.length).toBeLessThanOrEqual(5);
    const sizes = big.map(
      (job) => Buffer.byteLength(job.inputData) + Buffer.byteLength(job.outputData ?? ''),
    );
    // The one for the search in the tree (issue 13): about 10 MB; the others 8 MB at most.
    const searchJob = sizes.filter((size) => size > 8 * MB);
    expect(searchJob).toHaveLength(1);
    expect(searchJob[0]).toBeGreaterThan(9.5 * MB);
    expect(searchJob[0]).toBeLessThanOrEqual(12 * MB);
    // Not on a page the e2e tests load: demo's first 100 jobs, or the last two pages of 30.
    const at = personal.findIndex((job) => (job.outputData?.length ?? 0) > 8 * MB);
    expect(at).toBeGreaterThanOrEqual(100);
    expect(at).toBeLessThan(Math.floor((personal.length - 1) / 30) * 30 - 30);
    const positions = big
      .filter((job) => personal.includes(job))
      .map((job) => personal.indexOf(job));
    expect(positions.some((i) => i >= 30)).toBe(true);
  }, 20_000);

  it('starts in well under a second', () => {
    const started = performance.now();
    const sim = createSimulator({ controls: true });
    const elapsed = performance.now() - started;
    sim.close();
    expect(elapsed).toBeLessThan(1000);
  });
});
