import type { components } from './schema.gen.ts';

// The wire models, generated from api/jobs-openapi.yaml (npm run gen:api).
export type Job = components['schemas']['JobResponse'];
export type JobStatus = components['schemas']['JobStatusResponse'];
export type StreamError = components['schemas']['StreamError'];
/** A list page as the app uses it: `items` is always present (the server may omit it on an empty page). */
export type JobsPage = Omit<components['schemas']['PaginatedResponseJobResponse'], 'items'> & {
  items: Job[];
};

/** Which list page: the URL's state and the list call's parameters. */
export type ListParams = { organization: string | null; skip: number; perPage: number };
