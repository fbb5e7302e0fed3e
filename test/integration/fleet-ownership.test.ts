// Fleets do not trample each other: each fleet made by tide init has an id
// and (on the local transport) a root of its own; a server root records the
// fleet that owns it, and server verify refuses a root another fleet owns
// before anything is written there. The built `tide` on quickstart fleets.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { operationRecords, REPO_ROOT } from './support/fleet.js';

const BIN = join(REPO_ROOT, 'dist/cli/bin.js');
const work = tempDir('tide-ownership-');
const madeRoots: string[] = [];
afterAll(() => {
  for (const root of madeRoots) rmSync(root, { recursive: true, force: true });
  removeGitCliRepos();
});

function tide(args: string[], cwd: string) {
  return execa('node', [BIN, ...args], { cwd, reject: false, all: true, env: { NO_COLOR: '1' } });
}

const fleetId = (dir: string): string | undefined => /^id: (\S+)/m.exec(readFileSync(join(dir, 'tide.yaml'), 'utf8'))?.[1];
const serverRoot = (dir: string): string => /^root: (\S+)/m.exec(readFileSync(join(dir, 'servers/local.yaml'), 'utf8'))![1]!;

async function init(name: string): Promise<string> {
  const dir = join(work, name);
  const run = await tide(['init', dir], work);
  expect(run.exitCode, run.all).toBe(0);
  madeRoots.push(serverRoot(dir));
  return dir;
}

/** Points the fleet's local server at `root` and commits. */
function useRoot(dir: string, root: string): void {
  const path = join(dir, 'servers/local.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^root: .*$/m, `root: ${root}`));
  git(dir, 'commit', '-qam', `root ${root}`);
}

describe('fleets made by tide init', () => {
  it('each get an id and a local root of their own, which their server verify claims', async () => {
    const [a, b] = [await init('first'), await init('second')];
    const [idA, idB] = [fleetId(a), fleetId(b)];
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    expect(serverRoot(a)).toBe(`/tmp/tide-quickstart-${idA!.slice(0, 8)}`);
    expect(serverRoot(b)).toBe(`/tmp/tide-quickstart-${idB!.slice(0, 8)}`);
    for (const [dir, id] of [[a, idA], [b, idB]] as const) {
      const run = await tide(['apply', '--yes'], dir);
      expect(run.exitCode, run.all).toBe(0);
      const owner = JSON.parse(readFileSync(join(serverRoot(dir), 'tide-fleet.json'), 'utf8'));
      expect(owner.fleet).toEqual({ name: 'quickstart', id });
    }
  });
});

describe('a root owned by another fleet', () => {
  it('is refused at server verify; the owner keeps its platform and sites', async () => {
    const root = join(work, 'shared-root');
    const first = await init('owner');
    useRoot(first, root);
    expect((await tide(['apply', '--yes'], first)).exitCode).toBe(0);
    const page = join(root, 'platforms/hello-static/index.html');
    const before = readFileSync(page, 'utf8');
    expect(before).toContain('Hello from tide');

    const second = await init('intruder');
    writeFileSync(join(second, 'platforms/hello-static/src/index.html'), '<h1>the second fleet</h1>\n');
    useRoot(second, root);
    const run = await tide(['apply', '--yes'], second);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`Server root ${root} on local belongs to fleet quickstart (id ${fleetId(first)}), not to this fleet quickstart (id ${fleetId(second)}); nothing was changed.`);
    expect(run.all).toContain('Give server local a root of its own');
    const records = operationRecords({ dir: second });
    expect(records.find((r) => r.operation === 'server/local/verify')?.status).toBe('rolled-back');
    expect(records.map((r) => r.operation)).toEqual(['server/local/verify']);

    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(root, 'tide-fleet.json'), 'utf8')).fleet.id).toBe(fleetId(first));
    const plan = await tide(['plan', '--detailed-exitcode'], first);
    expect(plan.exitCode, plan.all).toBe(0);
  });

  it('unclaimed but holding platforms this fleet never put there, is refused too', async () => {
    const root = join(work, 'legacy-root');
    mkdirSync(join(root, 'platforms/legacy-app'), { recursive: true });
    const dir = await init('newcomer');
    useRoot(dir, root);
    const run = await tide(['apply', '--yes'], dir);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`Server root ${root} on local already holds platforms or sites (legacy-app) that this fleet never put there, and no fleet has claimed it`);
    expect(existsSync(join(root, 'tide-fleet.json'))).toBe(false);
  });
});

describe('a fleet without an id', () => {
  it('is told how to add one, and can apply once it has', async () => {
    const dir = await init('no-id');
    const fleetFile = join(dir, 'tide.yaml');
    writeFileSync(fleetFile, readFileSync(fleetFile, 'utf8').replace(/^id: .*\n/m, ''));
    git(dir, 'commit', '-qam', 'no id');
    const run = await tide(['apply', '--yes'], dir);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`Fleet quickstart has no id, so tide cannot claim ${serverRoot(dir)} on local for it`);
    const line = /Add the line '(id: [0-9a-f-]{36})' to tide\.yaml/.exec(run.all)?.[1];
    expect(line).toBeDefined();
    writeFileSync(fleetFile, `${readFileSync(fleetFile, 'utf8')}${line}\n`);
    git(dir, 'commit', '-qam', 'an id');
    const again = await tide(['apply', '--yes'], dir);
    expect(again.exitCode, again.all).toBe(0);
  });
});
