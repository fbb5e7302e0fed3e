// vitest setupFiles: runs in each test file's worker before the file.
// global-setup.ts starts one environment per worker; vitest numbers the
// workers running at the same time 1..maxWorkers (VITEST_POOL_ID). This makes
// inject('services') answer with this worker's own environment, so two files
// running side by side never share an sshd, nginx, php-fpm, MariaDB or deploy
// user, and test files need not know there are several.

import { inject } from 'vitest';

const environments = inject('environments');
const worker = Number(process.env.VITEST_POOL_ID ?? '1');
const mine = environments[worker - 1];
if (!mine) {
  throw new Error(`integration env: no environment for worker ${worker} (${environments.length} started); vitest ran more files at once than global-setup.ts expected`);
}
// inject() hands out the worker's copy of what global-setup provided: replaced in place.
Object.assign(inject('services'), mine);
