// The Node that runs the bundled action in tests: Node 24, as on GitHub's
// runners (`runs.using: node24`), not the Node running the tests. Fetched
// once from the npm registry (the node-linux-<arch> package, checked by
// npm's integrity hash) into node_modules/.cache, the way the integration
// environment installs its services from Debian when they are missing.
// TIDE_ACTION_NODE names another binary.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ACTION_NODE_MAJOR = 24;

/** Path of a Node `ACTION_NODE_MAJOR` binary, fetched when missing; throws (never skips) when it cannot be had. */
export function actionNode(root: string): string {
  if (process.env.TIDE_ACTION_NODE) return process.env.TIDE_ACTION_NODE;
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Error(`No Node ${ACTION_NODE_MAJOR} package for ${process.platform}-${process.arch}: set TIDE_ACTION_NODE to a Node ${ACTION_NODE_MAJOR} binary`);
  }
  const cache = join(root, 'node_modules', '.cache', `tide-node${ACTION_NODE_MAJOR}`);
  const binary = join(cache, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  // flock: test files run in parallel workers, and only one of them fetches.
  const fetch = [
    'set -e',
    '[ ! -x package/bin/node ] || exit 0',
    `tarball=$(npm pack --silent node-linux-${process.arch}@${ACTION_NODE_MAJOR})`,
    'tar -xzf "$tarball" package/bin/node',
    'rm -f "$tarball"',
  ].join('\n');
  try {
    execFileSync('flock', [join(cache, '.lock'), 'sh', '-c', fetch], { cwd: cache, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  } catch (error) {
    throw new Error(`Cannot fetch Node ${ACTION_NODE_MAJOR} for the action tests (npm pack node-linux-${process.arch}@${ACTION_NODE_MAJOR}): ${String((error as { stderr?: Buffer }).stderr || error)}`);
  }
  return binary;
}
