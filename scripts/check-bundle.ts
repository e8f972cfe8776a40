// The bundle budget, checked in `npm test` (sizes are deterministic for a given build).
import { firstLoadSizes } from './bundle-size.ts';

const BUDGET_BYTES = 120 * 1024;

const { files, totalGzipBytes } = firstLoadSizes();
for (const { file, gzipBytes } of files) console.log(`  ${file}  ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
const verdict = totalGzipBytes <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `First page JS+CSS: ${(totalGzipBytes / 1024).toFixed(1)} KB gzip, ${verdict} the ${BUDGET_BYTES / 1024} KB budget`,
);
if (totalGzipBytes > BUDGET_BYTES) process.exit(1);
