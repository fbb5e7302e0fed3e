// vitest globalSetup: starts real sshd, nginx, php-fpm and MariaDB on loopback
// in a temp dir and hands their coordinates to tests as inject('services').
// A service that cannot be started fails the run: nothing is skipped.
// TIDE_KEEP_TEST_ENV=1 keeps the temp dir (configs, logs, data) afterwards.
//
// One environment per worker (maxWorkers, at most one per test file): files
// run side by side but never share a server, a database or a deploy user.
// worker-services.ts makes inject('services') answer with the worker's own.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeHostsSync } from './env/hosts.js';
import { Daemons } from './env/processes.js';
import { startServices } from './env/start.js';
import type { TestServices } from './env/types.js';

const KEEP = process.env.TIDE_KEEP_TEST_ENV === '1';

/** How many files can run at once: the worker count, but no more than the files this run holds. */
async function environmentsNeeded(project: TestProject): Promise<number> {
  // Unset (vitest's default: one per CPU) counts as one: a config that wants more says so.
  const workers = Number(project.config.maxWorkers);
  if (!Number.isInteger(workers) || workers <= 1) return 1;
  // The file filters given on the command line (`vitest run FILE`): vitest keeps them on its instance.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const { testFiles } = await project.globTestFiles(filters);
  return Math.max(1, Math.min(workers, testFiles.length));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const count = await environmentsNeeded(project);
  const dirs: string[] = [];
  const daemons = new Daemons();
  const teardown = async () => {
    await daemons.stopAll();
    // After the daemons: userdel wants no process of the user left.
    removeHostsSync();
    if (KEEP) console.log(`integration env: kept ${dirs.join(', ')} (TIDE_KEEP_TEST_ENV=1)`);
    else await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };

  try {
    // Settled, not raced: nothing is still starting when a failure tears down.
    const starts = await Promise.allSettled(Array.from({ length: count }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tide-it-'));
      dirs.push(dir);
      return startServices(dir, daemons);
    }));
    const failed = starts.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const environments: TestServices[] = starts.map((s) => (s as PromiseFulfilledResult<TestServices>).value);
    project.provide('services', environments[0]!);
    project.provide('environments', environments);
  } catch (e) {
    await teardown();
    const hint = KEEP ? '' : '\n(set TIDE_KEEP_TEST_ENV=1 to keep the temp dir with every config and log)';
    throw new Error(`${(e as Error).message}${hint}`, { cause: e });
  }
  console.log(`integration env: ${count === 1 ? 'ready' : `${count} environments (one per worker) ready`} in ${Date.now() - startedAt} ms under ${dirs.join(', ')}`);
  return teardown;
}
