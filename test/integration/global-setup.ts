// vitest globalSetup: starts real sshd, nginx, php-fpm and MariaDB on loopback
// in a temp dir and hands their coordinates to tests as inject('services').
// A service that cannot be started fails the run: nothing is skipped.
// TIDE_KEEP_TEST_ENV=1 keeps the temp dir (configs, logs, data) afterwards.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeHostsSync } from './env/hosts.js';
import { Daemons } from './env/processes.js';
import { startServices } from './env/start.js';

const KEEP = process.env.TIDE_KEEP_TEST_ENV === '1';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'tide-it-'));
  const daemons = new Daemons();
  const teardown = async () => {
    await daemons.stopAll();
    // After the daemons: userdel wants no process of the user left.
    removeHostsSync();
    if (KEEP) console.log(`integration env: kept ${dir} (TIDE_KEEP_TEST_ENV=1)`);
    else await rm(dir, { recursive: true, force: true });
  };

  try {
    project.provide('services', await startServices(dir, daemons));
  } catch (e) {
    await teardown();
    const hint = KEEP ? '' : '\n(set TIDE_KEEP_TEST_ENV=1 to keep the temp dir with every config and log)';
    throw new Error(`${(e as Error).message}${hint}`, { cause: e });
  }
  console.log(`integration env: ready in ${Date.now() - startedAt} ms under ${dir}`);
  return teardown;
}
