// The reviewed plan pins the code: a platform kept in the fleet repository is
// identified by the git tree id of its source.path, so a change to its files
// alone is planned (and blocked under live sites), a saved plan goes stale
// when the code changes, and code that drifted on the server is put back.
// Runs the built CLI on a quickstart fleet (local transport) in a temp dir.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';

const BIN = join(import.meta.dirname, '../../dist/cli/bin.js');
let work: string;
let fleet: string;
let root: string;

const tide = (args: string[]) => execa('node', [BIN, ...args], { cwd: fleet, reject: false, env: { NO_COLOR: '1' } });
const git = (args: string[]) => execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: fleet });
const INDEX = 'platforms/hello-static/src/index.html';

async function commitChange(path: string, text: string, message: string): Promise<void> {
  await writeFile(join(fleet, path), text);
  await git(['commit', '-qam', message]);
}

async function planJson(extra: string[] = []): Promise<Plan> {
  const r = await tide(['plan', '--json', ...extra]);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tide-pin-'));
  fleet = join(work, 'fleet');
  root = join(work, 'root');
  expect((await execa('node', [BIN, 'init', fleet], { reject: false })).exitCode).toBe(0);
  const server = await readFile(join(fleet, 'servers/local.yaml'), 'utf8');
  await commitChange('servers/local.yaml', server.replace(/^root: .*$/m, `root: ${root}`), 'root of its own');
  const first = await tide(['apply', '--yes']);
  expect(first.exitCode, first.all ?? first.stdout + first.stderr).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('platform code pinned by its git tree id', () => {
  it('gives the same plan from the work tree and from its commit', async () => {
    const fromWorktree = await planJson();
    const fromRef = await planJson(['--ref', 'HEAD']);
    expect(fromWorktree.operations).toEqual([]);
    expect(fromWorktree.desired.digest).toBe(fromRef.desired.digest);
  });

  it('a saved plan refuses to apply once the platform code changed, even with no YAML change', async () => {
    const saved = join(work, 'plan.json');
    expect((await tide(['plan', '--out', saved])).exitCode).toBe(0);
    await commitChange(INDEX, '<h1>changed behind the reviewer</h1>\n', 'edit the platform only');
    const applied = await tide(['apply', '--yes', '--plan', saved]);
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr + applied.stdout).toMatch(/stale: the fleet changed/);
    // Nothing was deployed: the server still serves the reviewed code.
    expect(await readFile(join(root, 'platforms/hello-static', 'index.html'), 'utf8')).not.toContain('changed behind the reviewer');
  });

  it('plans a change to platform files alone, blocked while sites run on it, with the way out', async () => {
    const plan = await tide(['plan', '--detailed-exitcode']);
    expect(plan.exitCode).toBe(2);
    expect(plan.stdout).not.toMatch(/No changes/);
    expect(plan.stdout).toMatch(/deploy platform hello-static on local/);
    expect(plan.stdout).toMatch(/sourceTree/);
    expect(plan.stdout).toMatch(/create a new platform and move the sites to it/);
    const json = await planJson();
    const deploy = json.operations.find((o) => o.action === 'deploy' && o.target.name === 'hello-static');
    expect(deploy?.blockers.map((b) => b.code)).toEqual(['platform-in-use']);
    // Back to the deployed code: nothing to do again.
    await git(['revert', '--no-edit', 'HEAD']);
    expect((await planJson()).operations).toEqual([]);
  });

  it('code that drifted on the server is found by verify and redeployed, even under live sites', async () => {
    const deployed = join(root, 'platforms/hello-static', 'index.html');
    const original = await readFile(deployed, 'utf8');
    await writeFile(deployed, '<h1>defaced</h1>\n');
    const verify = await tide(['verify']);
    expect(verify.stdout + verify.stderr).toMatch(/code in .* changed since it was deployed/);
    const plan = await planJson();
    const repair = plan.operations.find((o) => o.action === 'deploy' && o.target.name === 'hello-static');
    expect(repair?.reason).toMatch(/^repair: tide verify found drift/);
    expect(repair?.blockers).toEqual([]);
    const applied = await tide(['apply', '--yes']);
    expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);
    expect(await readFile(deployed, 'utf8')).toBe(original);
    // The drift is settled: a second verify finds nothing, and nothing is planned.
    await tide(['verify']);
    expect((await planJson()).operations).toEqual([]);
  });
});
