import type { components } from '../../api/schema.gen.ts';

// The wire models, generated from api/jobs-openapi.yaml (npm run gen:api), but for `startedAt`: the
// contract requires it, and a queued job on the service has it null (not started yet).
type NotStarted<T> = Omit<T, 'startedAt'> & { startedAt?: string };
export type Job = NotStarted<components['schemas']['JobResponse']>;
export type JobStatus = NotStarted<components['schemas']['JobStatusResponse']>;
export type StreamError = components['schemas']['StreamError'];
/**
 * A list page's frame, its items not yet read (each is checked on its own: one bad item must not blank
 * the page). `items` is always present (the server may omit it on an empty page).
 */
export type JobsPage = Omit<components['schemas']['PaginatedResponseJobResponse'], 'items'> & {
  items: unknown[];
};

/** Which list page: the URL's state and the list call's parameters. */
export type ListParams = { organization: string | null; skip: number; perPage: number };
