// The seeded world: users, organizations, default tokens and a few hundred jobs. The same on every start:
// each group has its own fixed Rng seed, and times are offsets back from the moment the world is (re)built.
import { createRng } from './prng.ts';
import type { Rng } from './prng.ts';
import type { NewJob } from './job-store.ts';
import {
  JOB_TYPES,
  bigDocumentText,
  bigExtractionOutput,
  bigJsonInput,
  bigMarkdownOutput,
  makeFailure,
  makeInput,
  makeOutput,
  pickJobType,
} from './job-content.ts';
import { comparePair } from './compare-pair.ts';

export const DEMO_USER = 'demo';
export const DEFAULT_TOKENS: Readonly<Record<string, string>> = {
  'nx-demo-4f6b2c1e9a7d': DEMO_USER,
};

/** user -> organizations they belong to. Users not listed belong to none. */
const MEMBERSHIPS: Readonly<Record<string, readonly string[]>> = {
  demo: ['acme-legal', 'globex-research'],
  alice: ['acme-legal'],
  bob: ['globex-research'],
  mallory: ['initech'],
  peter: ['initech'],
};

export function organizationsOf(user: string): readonly string[] {
  return MEMBERSHIPS[user] ?? [];
}

type Group = {
  seed: number;
  count: number;
  spanDays: number;
  owners: readonly string[];
  organization?: string;
  /** How many days old the group's newest job is (0: minutes). */
  agoDays?: number;
  /** index (0 = newest) -> status for the recent jobs that are still waiting or running. */
  unfinished: Readonly<Record<number, 'queued' | 'running'>>;
  /** index -> a multi-megabyte job. */
  big?: Readonly<Record<number, (rng: Rng) => BigJob>>;
  /** index -> a job whose data holds markup and odd text, for checking that the UI escapes it. */
  odd?: readonly number[];
};

type BigJob = { jobType: string; inputData: NewJob['inputData']; outputData: NewJob['outputData'] };

const MB = 1024 * 1024;

const GROUPS: readonly Group[] = [
  {
    seed: 0x5eed_0001,
    count: 252,
    spanDays: 42,
    owners: [DEMO_USER],
    unfinished: { 0: 'queued', 1: 'running', 3: 'running' },
    big: {
      4: (rng) => {
        const { inputData } = makeInput(rng, JOB_TYPES.extraction);
        return {
          jobType: JOB_TYPES.extraction,
          inputData,
          outputData: bigExtractionOutput(3.2 * MB),
        };
      },
      41: (rng) => {
        const { doc } = makeInput(rng, JOB_TYPES.markdown);
        return {
          jobType: JOB_TYPES.markdown,
          inputData: bigDocumentText(6 * MB),
          outputData: makeOutput(rng, JOB_TYPES.markdown, doc),
        };
      },
      157: (rng) => {
        const { inputData } = makeInput(rng, JOB_TYPES.markdown);
        return { jobType: JOB_TYPES.markdown, inputData, outputData: bigMarkdownOutput(7 * MB) };
      },
    },
    odd: [23, 88],
  },
  {
    seed: 0x5eed_0002,
    count: 64,
    spanDays: 35,
    owners: [DEMO_USER, 'alice'],
    organization: 'acme-legal',
    unfinished: { 0: 'running' },
    big: {
      12: (rng) => {
        const { doc } = makeInput(rng, JOB_TYPES.extraction);
        return {
          jobType: JOB_TYPES.extraction,
          inputData: bigJsonInput(2.5 * MB),
          outputData: makeOutput(rng, JOB_TYPES.extraction, doc),
        };
      },
    },
  },
  {
    seed: 0x5eed_0003,
    count: 48,
    spanDays: 30,
    owners: [DEMO_USER, 'bob'],
    organization: 'globex-research',
    unfinished: { 1: 'queued' },
  },
  {
    seed: 0x5eed_0004,
    count: 36,
    spanDays: 28,
    owners: ['mallory', 'peter'],
    organization: 'initech',
    unfinished: { 0: 'running' },
  },
  { seed: 0x5eed_0005, count: 24, spanDays: 21, owners: ['mallory'], unfinished: { 2: 'running' } },
  // The issue's "10 MB job" for search, a group of its own so the others' data stays as it was. Three
  // weeks old: in the middle of demo's list (page 5 of 30), which the tests' list pages never load; its
  // output is built only when asked for.
  {
    seed: 0x5eed_0006,
    count: 1,
    spanDays: 1,
    agoDays: 21,
    owners: [DEMO_USER],
    unfinished: {},
    big: {
      0: (rng) => ({
        jobType: JOB_TYPES.extraction,
        inputData: makeInput(rng, JOB_TYPES.extraction).inputData,
        // The generator's estimate runs a little short: about 10 MB.
        outputData: bigExtractionOutput(11 * MB),
      }),
    },
  },
];

/** Seconds a job of that type typically runs. */
function runSeconds(rng: Rng, jobType: string): number {
  if (jobType === JOB_TYPES.markdown) return rng.int(10, 120);
  if (jobType === JOB_TYPES.template) return rng.int(2, 15);
  return rng.int(3, 45);
}

// Odd but legal data: markup, quotes, right-to-left and astral characters, a non-JSON output.
function oddJob(index: number): Pick<NewJob, 'jobType' | 'inputData' | 'outputData'> {
  if (index % 2 === 1) {
    return {
      jobType: JOB_TYPES.extraction,
      inputData:
        'Customer note: <script>alert("xss")</script> & <img src=x onerror=alert(1)> — "quoted" \'single\' مرحبا 👋🏽',
      outputData: JSON.stringify({
        result: {
          note: '<img src=x onerror=alert(1)>',
          link: 'javascript:alert(1)',
          greeting: 'مرحبا 👋🏽',
        },
        rawModelOutput: '{"note": "<img src=x onerror=alert(1)>"}',
        inputTokens: 61,
        outputTokens: 24,
        totalTokens: 85,
        logprobs: -1.07,
      }),
    };
  }
  // Output that is not JSON at all: the contract only promises a string.
  return {
    jobType: JOB_TYPES.markdown,
    inputData: '{"fileName": "scan-0042.pdf", "pages": 1',
    outputData: '# Scan 0042\n\nPlain markdown returned as is, not wrapped in JSON. <b>bold?</b>',
  };
}

function buildGroup(group: Group, baseTimeMs: number): NewJob[] {
  const rng = createRng(group.seed);
  const jobs: NewJob[] = [];
  const averageGapMs = (group.spanDays * 86_400_000) / group.count;
  let offsetMs = (group.agoDays ?? 0) * 86_400_000 + rng.int(20, 60) * 1000;
  for (let index = 0; index < group.count; index++) {
    // Recent jobs are minutes apart, older ones hours apart.
    offsetMs +=
      index < 6 ? rng.int(60, 240) * 1000 : Math.round(averageGapMs * (0.2 + 1.6 * rng.next()));
    const id = rng.uuid();
    const ownerUser = rng.pick(group.owners);
    const unfinished = group.unfinished[index];
    const big = group.big?.[index]?.(rng);
    const odd = group.odd?.includes(index) ? oddJob(index) : undefined;
    const jobType = big?.jobType ?? odd?.jobType ?? pickJobType(rng);
    const { inputData, doc } = makeInput(rng, jobType);
    const failed = !big && !odd && !unfinished && rng.chance(0.14);

    const createdMs = baseTimeMs - offsetMs;
    const startedMs = unfinished === 'queued' ? createdMs : createdMs + rng.int(300, 4000);
    const completedMs = unfinished ? undefined : startedMs + runSeconds(rng, jobType) * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();

    const job: NewJob = {
      id,
      jobType,
      status: unfinished ?? (failed ? 'failed' : 'completed'),
      ownerUser,
      inputData: big?.inputData ?? odd?.inputData ?? inputData,
      startedAt: iso(startedMs),
      createdAt: iso(createdMs),
      updatedAt: iso(completedMs ?? startedMs),
      origin: 'seed',
    };
    if (group.organization !== undefined) job.ownerOrganization = group.organization;
    if (completedMs !== undefined) job.completedAt = iso(completedMs);
    if (failed) Object.assign(job, makeFailure(rng, jobType));
    else if (!unfinished)
      job.outputData = big?.outputData ?? odd?.outputData ?? makeOutput(rng, jobType, doc);
    jobs.push(job);
  }
  return jobs;
}

/** All seeded jobs, timestamps counted back from `baseTimeMs`. Cheap: the big fields are closures. */
export function seedJobs(baseTimeMs: number): NewJob[] {
  return [...GROUPS.flatMap((group) => buildGroup(group, baseTimeMs)), ...comparePair(baseTimeMs)];
}
