import { forAttribute, shortId } from '../lib/format.ts';
import { paths } from '../paths.ts';

/**
 * The props of a link to a job named by its short id, for `Link`: the name is the visible short id
 * (what a voice user would say), the full id its description; each place gives its own look. Props,
 * not a component: a component shared by the list and the lazy compare page made the bundler split
 * the list's first chunk into several (2.8 KiB gzip more on the first load).
 */
export function jobIdLink(id: string) {
  return { to: paths.job(id), title: forAttribute(id), children: shortId(id) };
}
