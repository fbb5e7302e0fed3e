// The CLI as users run it: the built `tide` executable in a child process,
// against real git repositories in a temporary directory.

import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/model/loader.js';
import { readFleetSource } from '../../src/repo/fleet-source.js';
import { assertValidPlanJson } from '../helpers/plan-schema.js';
import { appliedState } from '../helpers/fleet.js';
import { commitFiles, stateFiles } from '../helpers/git.js';
import type { Plan } from '../../src/model/plan.js';

const BIN = join(import.meta.dirname, '../../dist/cli/bin.js');
let work: string;

function tide(args: string[], cwd = work) {
  return execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
}

async function git(args: string[], cwd: string) {
  return execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tide-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('quickstart: tide init, then tide plan', () => {
  let fleet: string;
  beforeAll(async () => {
    fleet = join(work, 'quickstart');
    const init = await tide(['init', fleet]);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Created fleet repository .*quickstart from the quickstart example \(commit [0-9a-f]{7}\)/);
  });

  it('commits the example into a new git repository', async () => {
    const log = await git(['log', '--format=%s', 'main'], fleet);
    expect(log.stdout).toBe("Fleet from tide's quickstart example");
    const files = (await git(['ls-files'], fleet)).stdout.split('\n');
    expect(files).toContain('tide.yaml');
    expect(files).toContain('servers/local.yaml');
    expect((await git(['status', '--porcelain'], fleet)).stdout).toBe('');
  });

  it('plans the whole fleet from an empty state', async () => {
    const plan = await tide(['plan'], fleet);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^ {2}~ verify server local/m);
    expect(plan.stdout).toMatch(/^ {2}\+ deploy platform hello-static on local/m);
    expect(plan.stdout).toMatch(/^ {2}\+ install site hello\.example\.test on local/m);
    expect(plan.stdout).toMatch(/^Plan: 1 to deploy, 2 to install, 1 to verify\.$/m);
    expect(plan.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours its output on a terminal only, and never with NO_COLOR', async () => {
    // script(1) runs the command on a pseudo-terminal, as a user's shell would.
    const onTty = (env: Record<string, string>) =>
      execa('script', ['-qec', `node ${BIN} plan`, '/dev/null'], { cwd: fleet, env: { ...env, TERM: 'xterm' }, extendEnv: false });
    expect((await onTty({ PATH: process.env.PATH! })).stdout).toMatch(/\x1b\[33m~ verify\x1b\[0m server local/);
    expect((await onTty({ PATH: process.env.PATH!, NO_COLOR: '1' })).stdout).not.toMatch(/\x1b\[/);
    const piped = await execa('node', [BIN, 'plan'], { cwd: fleet, env: { PATH: process.env.PATH! }, extendEnv: false });
    expect(piped.stdout).toMatch(/~ verify server local/);
    expect(piped.stdout).not.toMatch(/\x1b\[/);
  });

  it('exits 2 with --detailed-exitcode when there are changes', async () => {
    expect((await tide(['plan', '--detailed-exitcode'], fleet)).exitCode).toBe(2);
  });

  it('prints JSON that matches the plan schema, and saves it with --out', async () => {
    const result = await tide(['plan', '--json', '--out', 'plan.json'], fleet);
    const printed = JSON.parse(result.stdout) as Plan;
    assertValidPlanJson(printed);
    expect(printed.formatVersion).toBe(1);
    expect(printed.state).toEqual({ branch: 'tide-state', commit: null });
    expect(printed.desired.commit).toBe((await git(['rev-parse', 'HEAD'], fleet)).stdout);
    expect(JSON.parse(await readFile(join(fleet, 'plan.json'), 'utf8'))).toEqual(printed);
  });

  it('prints markdown for a pull request', async () => {
    const result = await tide(['plan', '--markdown'], fleet);
    expect(result.stdout).toMatch(/^### tide plan for quickstart/);
    expect(result.stdout).toContain('<details>');
  });

  it('validates', async () => {
    const result = await tide(['validate'], fleet);
    expect(result.stdout).toBe('Fleet quickstart is valid: 1 server, 1 platform, 2 sites, 0 clients.');
  });

  it('refuses to init into a directory that is not empty', async () => {
    const again = await tide(['init', fleet]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/already exists and is not empty; nothing was written/);
  });
});

describe('recorded state from the state branch', () => {
  let fleet: string;
  beforeAll(async () => {
    fleet = join(work, 'multi');
    expect((await tide(['init', fleet, '--example', 'multi-server'])).exitCode).toBe(0);
  });

  it('has no changes once the state branch records the fleet as applied', async () => {
    const desired = loadFleet(await readFleetSource(fleet), { defaultName: 'multi' });
    const stateCommit = await commitFiles(fleet, 'tide-state', stateFiles(appliedState(desired)), 'apply: ok');
    const result = await tide(['plan', '--detailed-exitcode'], fleet);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('No changes. The fleet matches the recorded state.');
    const json = JSON.parse((await tide(['plan', '--json'], fleet)).stdout) as Plan;
    expect(json.state).toEqual({ branch: 'tide-state', commit: stateCommit });
  });

  it('plans only the difference when a site file changes', async () => {
    const path = join(fleet, 'sites/wiki.acme.example.com.yaml');
    const before = await readFile(path, 'utf8');
    await writeFile(path, before.replace(/^platform: notes-2\.0$/m, 'platform: notes-1.0'));
    try {
      const result = await tide(['plan'], fleet);
      expect(result.stdout).toMatch(/^ {2}~ migrate site wiki\.acme\.example\.com on web\d/m);
      expect(result.stdout).toMatch(/platform: notes-2\.0 → notes-1\.0/);
      expect(result.stdout).toMatch(/^Plan: 1 to migrate\.$/m);
    } finally {
      await writeFile(path, before);
    }
  });

  it('reads the fleet from a commit with --ref, ignoring the work tree', async () => {
    const path = join(fleet, 'sites/extra.acme.example.com.yaml');
    await writeFile(path, 'kind: Site\nname: extra.acme.example.com\nplatform: brochure\nclient: acme\n');
    try {
      expect((await tide(['plan'], fleet)).stdout).toMatch(/install site extra\.acme\.example\.com/);
      const atHead = await tide(['plan', '--ref', 'HEAD', '--detailed-exitcode'], fleet);
      expect(atHead.exitCode, atHead.stderr).toBe(0);
      await git(['add', '-A'], fleet);
      await git(['commit', '-qm', 'add extra site'], fleet);
      const atPrevious = await tide(['plan', '--ref', 'HEAD~1', '--detailed-exitcode'], fleet);
      expect(atPrevious.exitCode).toBe(0);
      const atNew = await tide(['plan', '--ref', 'main', '--json'], fleet);
      const plan = JSON.parse(atNew.stdout) as Plan;
      expect(plan.operations.map((o) => o.id)).toEqual(['site/extra.acme.example.com/install']);
      expect(plan.desired.commit).toBe((await git(['rev-parse', 'main'], fleet)).stdout);
    } finally {
      await git(['reset', '-q', '--hard', 'HEAD~1'], fleet).catch(() => undefined);
      await rm(path, { force: true });
    }
  });

  it('reads the state branch as fetched from origin when there is no local one', async () => {
    const clone = join(work, 'clone');
    await git(['clone', '-q', fleet, clone], work);
    await git(['fetch', '-q', 'origin', 'tide-state'], clone);
    await git(['branch', '-a'], clone);
    const result = await tide(['plan', '--json'], clone);
    const plan = JSON.parse(result.stdout) as Plan;
    expect(plan.state.branch).toBe('origin/tide-state');
    expect(plan.operations).toEqual([]);
  });

  it('refuses a corrupt state file with the file and the way out', async () => {
    const corrupt = join(work, 'corrupt');
    expect((await tide(['init', corrupt])).exitCode).toBe(0);
    await commitFiles(corrupt, 'tide-state', { 'state/sites/hello.example.test.json': '{"name": "hello.example.test"' }, 'broken');
    const result = await tide(['plan'], corrupt);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Recorded state state\/sites\/hello\.example\.test\.json on the state branch \(commit [0-9a-f]{7}\) cannot be read: it is not valid JSON/);
  });

  it('says which ref does not exist', async () => {
    const result = await tide(['plan', '--ref', 'no-such-branch'], fleet);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/No commit named 'no-such-branch'/);
  });
});

describe('an invalid fleet', () => {
  it('prints every error as file:line:column, no plan, and exits 1', async () => {
    const fleet = join(work, 'invalid');
    expect((await tide(['init', fleet])).exitCode).toBe(0);
    await writeFile(join(fleet, 'sites/hello.example.test.yaml'), 'kind: Site\nname: hello.example.test\nplatform: hello-statik\n');
    await mkdir(join(fleet, 'more'));
    await writeFile(join(fleet, 'more/bad.yaml'), 'kind: Sitte\nname: x\n');
    // Schema errors come from the validators precompiled at build time: same messages as from source.
    await writeFile(join(fleet, 'sites/docs.example.test.yaml'), 'kind: Site\nname: docs.example.test\nplatform: hello-static\nalias: [x.example.test]\nstatus: on\n');
    for (const command of [['plan'], ['plan', '--json'], ['validate']]) {
      const result = await tide(command, fleet);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        "more/bad.yaml:1:7: unknown kind 'Sitte' (did you mean 'Site'?); expected one of Fleet, Server, Platform, Site, Client",
        "sites/docs.example.test.yaml:4:1: Site docs.example.test: alias: unknown property 'alias' (did you mean 'aliases'?)",
        "sites/docs.example.test.yaml:5:9: Site docs.example.test: status: 'on' is not allowed: must be one of enabled, disabled, deleted",
        "sites/hello.example.test.yaml:3:11: Site hello.example.test: unknown platform 'hello-statik' (did you mean 'hello-static'?)",
        'tide: 4 errors in 3 files; nothing was planned.',
        '  Fix the errors above and run `tide validate` again.',
      ]);
    }
  });
});

describe('help and usage', () => {
  it('lists the commands and explains each one', async () => {
    expect((await tide(['--help'])).stdout).toMatch(/^ {2}plan +Show what apply would do, and why$/m);
    for (const command of ['init', 'validate', 'plan']) {
      const help = await tide([command, '--help']);
      expect(help.exitCode).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: tide ${command}`));
      expect((await tide(['help', command])).stdout).toBe(help.stdout);
    }
  });

  it('suggests a command for a typo and an option for bad usage', async () => {
    const typo = await tide(['paln']);
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toMatch(/unknown command 'paln'\. Did you mean 'tide plan'\?/);
    const bad = await tide(['plan', '--jsn']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/tide plan: Unknown option '--jsn'/);
    expect(bad.stderr).toMatch(/Run 'tide plan --help' for usage\./);
  });
});
