// vitest globalSetup for the unit tests: most need nothing but node and git,
// but the Drupal driver's tests check the PHP tide writes with the real php.
// On a fresh machine it is installed here (the same Debian packages as the
// integration environment), so those tests fail only if it cannot be.

import { ensureBinaries } from '../integration/env/packages.js';

export default async function setup(): Promise<void> {
  await ensureBinaries(['php']);
}
