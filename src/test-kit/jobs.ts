// Jobs as the API sends them, for the unit tests: one running and one completed job to start from, and
// the shapes the app derives from a job (its /status answer, a list page as the list keeps it).
import type { Job, JobStatus } from '../api/types.ts';
import { toListJob, type ListPage } from '../jobs/list/list-job.ts';

const STARTED = '2026-11-01T10:00:00Z';
const FINISHED = '2026-11-01T10:01:00Z';

/** A running job of `demo`, id `job-1`, started at 10:00 on 2026-11-01; anything can be overridden. */
export function runningJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    jobType: 'inference',
    status: 'running',
    ownerUser: 'demo',
    inputData: '{"text":"hello"}',
    createdAt: STARTED,
    startedAt: STARTED,
    updatedAt: STARTED,
    ...overrides,
  };
}

/** The same job completed a minute later, with an output. */
export function completedJob(overrides: Partial<Job> = {}): Job {
  return runningJob({
    status: 'completed',
    outputData: '{"result":{"answer":"forty-two"}}',
    completedAt: FINISHED,
    updatedAt: FINISHED,
    ...overrides,
  });
}

/** What /status answers for a job: everything but the payloads and the error. */
export function statusOf(job: Job): JobStatus {
  const { id, jobType, status, ownerUser, ownerOrganization, startedAt, completedAt } = job;
  return {
    id,
    jobType,
    status,
    ownerUser,
    ...(ownerOrganization === undefined ? {} : { ownerOrganization }),
    startedAt,
    ...(completedAt === undefined ? {} : { completedAt }),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/** A list page holding `jobs`, as the list keeps it (rows without payloads). */
export function listPage(jobs: Job[], { skip = 0, perPage = 30, totalCount = jobs.length } = {}) {
  const page: ListPage = { totalCount, skip, perPage, items: jobs.map(toListJob), unreadable: [] };
  return page;
}

const SERIES_NOW = Date.parse('2026-11-01T12:00:00Z');

/** The i-th job of a series: completed, created i minutes before 12:00, id `job-000i-aaaa-bbbb-cccc`. */
export function seriesJob(i: number, overrides: Partial<Job> = {}): Job {
  const created = new Date(SERIES_NOW - i * 60_000).toISOString();
  return completedJob({
    id: `job-${String(i).padStart(4, '0')}-aaaa-bbbb-cccc`,
    jobType: 'structured-extraction',
    inputData: 'x'.repeat(100),
    outputData: '{"result":{}}',
    createdAt: created,
    startedAt: created,
    updatedAt: created,
    completedAt: new Date(SERIES_NOW - i * 60_000 + 12_300).toISOString(),
    ...overrides,
  });
}

/** Jobs `from` to `from + count - 1` of the series, newest first. */
export function jobSeries(count: number, from = 0): Job[] {
  return Array.from({ length: count }, (_, k) => seriesJob(from + k));
}
