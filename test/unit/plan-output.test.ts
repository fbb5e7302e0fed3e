// `tide plan --json` prints a plan of megabytes: a cached one goes straight
// to stdout's file descriptor through one reused buffer (cli/plan.ts), and a
// pipe that fills (node makes stdout's pipe non-blocking) hands the rest to
// the stream. Whatever stdout is (a file, a pipe read slowly), fresh or
// cached, the bytes must be the same. Runs the built CLI (dist/).

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the plan benchmark, without types
import { generateFleet } from '../bench/plan/generate.mjs';

const BIN = resolve(import.meta.dirname, '../../dist/cli/bin.js');
const temp = mkdtempSync(join(tmpdir(), 'tide-plan-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `tide plan --json` with stdout a file. */
function planToFile(repo: string, name: string): Buffer {
  const path = join(temp, name);
  const fd = openSync(path, 'w');
  try {
    execFileSync('node', [BIN, 'plan', '--repo', repo, '--json'], { stdio: ['ignore', fd, 'inherit'] });
  } finally {
    closeSync(fd);
  }
  return readFileSync(path);
}

/** `tide plan --json` with stdout a pipe, read only after a pause (so it fills), then slowly. */
function planToSlowPipe(repo: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('node', [BIN, 'plan', '--repo', repo, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(Buffer.concat(chunks)) : reject(new Error(`tide plan exited with ${code}`))));
  });
}

describe('tide plan --json of a plan of megabytes', () => {
  it('prints the same bytes fresh and cached, to a file and to a pipe that fills', async () => {
    const repo = join(temp, 'fleet');
    await generateFleet(repo, { sites: 1200 });
    const fresh = planToFile(repo, 'fresh.json');
    expect(fresh.length).toBeGreaterThan(1024 * 1024); // more than one piece (1 MiB) of the cache file
    expect(JSON.parse(fresh.toString('utf8')).operations.length).toBeGreaterThanOrEqual(1200);
    expect(readFileSync(join(repo, '.git/tide-cache/plan.json')).length).toBeGreaterThan(fresh.length);
    const cached = planToFile(repo, 'cached.json');
    expect(cached.equals(fresh)).toBe(true);
    const piped = await planToSlowPipe(repo);
    expect(piped.equals(fresh)).toBe(true);
    rmSync(join(repo, '.git/tide-cache'), { recursive: true, force: true });
    const freshPiped = await planToSlowPipe(repo);
    expect(freshPiped.equals(fresh)).toBe(true);
  }, 60_000);
});
