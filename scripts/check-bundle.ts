// The bundle budget, checked in `npm test` (sizes are deterministic for a given build): what a first
// visit downloads before the page can show anything, JS and CSS gzipped, for the two pages a visit
// starts on. The job page is reported alongside; its tree viewer and stream code load only there.
import { firstLoadSizes, kb, type PageName } from './bundle-size.ts';

const BUDGET_BYTES = 120 * 1024;
const BUDGETED: readonly PageName[] = ['sign-in', 'jobs list'];

let over = false;
for (const { page, files, totalGzipBytes } of firstLoadSizes()) {
  const budgeted = BUDGETED.includes(page);
  const verdict = !budgeted
    ? '(not budgeted)'
    : totalGzipBytes <= BUDGET_BYTES
      ? `within the ${kb(BUDGET_BYTES)} budget`
      : `OVER the ${kb(BUDGET_BYTES)} budget`;
  console.log(`First load of the ${page} page: ${kb(totalGzipBytes)} gzip ${verdict}`);
  for (const { file, gzipBytes } of files) console.log(`  ${file}  ${kb(gzipBytes)}`);
  if (budgeted && totalGzipBytes > BUDGET_BYTES) over = true;
}
if (over) process.exit(1);
