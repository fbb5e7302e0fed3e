// Fleet files come from pull requests, so from strangers: `tide validate` on a
// hostile file must answer quickly, in bounded memory, with the file and line
// and without repeating what it was fed. Each sample runs the built CLI in a
// child process (as CI would run it), which measures its own time and peak
// memory; a hang or a blow-up is killed by the timeout and fails the test.
// Time is CPU time (user + system) of the command: the test machine is shared,
// and wall time there measures the neighbours as much as tide.

import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../../dist/cli/main.js');
const LIMIT_MS = 1000;
const LIMIT_MB = 200;
const roots: string[] = [];

interface Run {
  code: number;
  /** CPU time of the command (user + system). */
  ms: number;
  /** Peak resident memory during the command, above what it started with. */
  growthMb: number;
  stdout: string;
  /** The first MiB of stderr, and how long it was in all. */
  stderr: string;
  stderrLength: number;
}

/** Writes a fleet (path → content) and runs `tide validate` on it in a child process. */
async function validate(files: Record<string, string | Uint8Array>): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), 'tide-hostile-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const script = `
    import { Writable } from 'node:stream';
    const { main } = await import(${JSON.stringify(MAIN)});
    let stdout = '', stderr = '', stderrLength = 0;
    const sink = (take) => new Writable({ write(chunk, _encoding, done) { take(String(chunk)); done(); } });
    const io = {
      stdout: sink((s) => { stdout += s; }),
      stderr: sink((s) => { stderrLength += s.length; if (stderr.length < 1048576) stderr += s.slice(0, 1048576); }),
      env: {}, cwd: ${JSON.stringify(root)},
    };
    const before = process.memoryUsage().rss;
    const started = process.cpuUsage();
    const code = await main(['validate', '--repo', ${JSON.stringify(root)}], io);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    const growthMb = (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20;
    process.stdout.write(JSON.stringify({ code, ms, growthMb, stdout, stderr, stderrLength }));`;
  return new Promise((done, fail) => {
    execFile('node', ['--max-old-space-size=1024', '--input-type=module', '-e', script], { timeout: 20_000, maxBuffer: 1 << 24 }, (error, stdout) => {
      if (error) fail(new Error(`tide validate did not finish (killed after 20 s, or crashed): ${String(error).slice(0, 500)}`));
      else done(JSON.parse(stdout) as Run);
    });
  });
}

function expectBounded(run: Run, limitMs = LIMIT_MS): void {
  console.info(`hostile sample "${expect.getState().currentTestName}": ${run.ms.toFixed(0)} ms of CPU, ${run.growthMb.toFixed(0)} MB, ${run.stderrLength} bytes of errors`);
  expect(run.ms, 'CPU time in ms').toBeLessThan(limitMs);
  expect(run.growthMb, 'memory growth in MB').toBeLessThan(LIMIT_MB);
  expect(run.stderrLength, 'length of the error output').toBeLessThan(2 << 20);
}

const FLEET = 'kind: Fleet\nname: hostile\n';

/** A document whose nine nested aliases expand to 9^9 (387 million) strings: 500 bytes. */
function aliasBomb(): string {
  const lines = ['  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `kind: Site\nname: bomb.example.com\nplatform: notes\nvars:\n${lines.join('\n')}\nstatus: *l8\n`;
}

/** `count` Client documents, each with a value the schema refuses. */
function invalidDocuments(count: number): string {
  return Array.from({ length: count }, (_, i) => `kind: Client\nname: client-${i}\nquota:\n  sites: -1\n`).join('---\n');
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('tide validate on hostile fleet files', () => {
  it('nested YAML aliases (a billion laughs): refused at the value, in bounded time and memory', async () => {
    const bomb = aliasBomb();
    expect(bomb.length).toBeLessThan(600);
    const run = await validate({ 'tide.yaml': FLEET, 'sites/bomb.yaml': bomb });
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sites\/bomb\.yaml:\d+:\d+: YAML aliases expand this value to more than 100000 values/m);
  });

  it('an alias inside its own anchor (a cycle): refused at the alias', async () => {
    const run = await validate({ 'tide.yaml': FLEET, 'sites/loop.yaml': 'kind: Site\nname: loop.example.com\nplatform: notes\nvars: &v\n  again: *v\nstatus: *v\n' });
    expectBounded(run);
    expect(run.stderr).toMatch(/^sites\/loop\.yaml:5:10: this YAML alias refers to a value that contains it/m);
    expect(run.stderr).not.toMatch(/unexpected error/);
  });

  it.each([1000, 4000])('%i invalid documents in one file: every error, each at its line', async (count) => {
    const run = await validate({ 'tide.yaml': FLEET, 'clients/many.yaml': invalidDocuments(count) });
    // Linear: the fixed budget plus a quarter of a millisecond per document (4,000 took 986 ms on a loaded machine).
    expectBounded(run, LIMIT_MS + count / 4);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('clients/many.yaml:'));
    expect(lines).toHaveLength(count);
    // Document i starts on line 5i + 1; its quota.sites value is three lines below.
    expect(lines[count - 1]).toBe(`clients/many.yaml:${5 * (count - 1) + 4}:10: Client client-${count - 1}: quota.sites: -1 is too small: must be at least 0`);
  });

  it('ignore globs with twelve ** each: matched without backtracking', async () => {
    const deep = `${Array(40).fill('d').join('/')}/client.yaml`;
    const long = `clients/${'a'.repeat(60)}.yaml`;
    const run = await validate({
      'tide.yaml': `${FLEET}ignore:\n  - "${'**/'.repeat(12)}x/**/none.yaml"\n  - "clients/${'**a'.repeat(12)}**b.yaml"\n  - "${'**/'.repeat(12)}drafts/**"\n`,
      [deep]: 'kind: Client\nname: deep\n',
      [long]: 'kind: Client\nname: long\n',
      'a/b/drafts/c/wip.yaml': 'not: [valid yaml\n',
    });
    expectBounded(run);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Fleet hostile is valid: 0 servers, 0 platforms, 0 sites, 2 clients\.$/m);
  });

  it.each([
    ['over the default limit', 3 * 1024 * 1024],
    ['too large to be read at all', 40 * 1024 * 1024],
  ])('a file %s: refused with its name', async (_label, size) => {
    const item = '  - www.huge.example.com\n';
    const huge = `kind: Site\nname: huge.example.com\nplatform: notes\naliases:\n${item.repeat(Math.ceil(size / item.length))}`;
    const run = await validate({ 'tide.yaml': FLEET, 'sites/huge.yaml': huge });
    expectBounded(run);
    expect(run.stderr).toMatch(new RegExp(`^sites/huge\\.yaml:1:1: sites/huge\\.yaml is ${Buffer.byteLength(huge)} bytes, over the limit of 1048576 for a fleet file \\(maxFileSize in tide\\.yaml\\)`, 'm'));
  });

  it('a NUL byte: "not UTF-8" at its line and column', async () => {
    const run = await validate({ 'tide.yaml': FLEET, 'clients/nul.yaml': 'kind: Client\nname: acme\n# note: a\0b\n' });
    expectBounded(run);
    expect(run.stderr).toMatch(/^clients\/nul\.yaml:3:10: not UTF-8 text: a NUL byte/m);
  });

  it('invalid UTF-8: "not UTF-8" at its line and column, not a silently replaced character', async () => {
    const bytes = Buffer.concat([Buffer.from('kind: Client\nname: acme\n# café '), Buffer.from([0xc3, 0x28]), Buffer.from(' latin-1\n')]);
    const run = await validate({ 'tide.yaml': FLEET, 'clients/latin1.yaml': bytes });
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clients\/latin1\.yaml:3:8: not UTF-8 text: a byte sequence that is not valid UTF-8/m);
  });

  it('a password written where a secret reference belongs: says what is expected, never what was written', async () => {
    const server = 'kind: Server\nname: web1\nhost: web1.example.net\nhostKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\nservices:\n  db:\n    adminPassword: hunter2-Secret\n';
    const run = await validate({ 'tide.yaml': FLEET, 'servers/web1.yaml': server });
    expectBounded(run);
    expect(run.stderr).toMatch(/^servers\/web1\.yaml:7:20: Server web1: services\.db\.adminPassword: must be a secret reference, env:NAME/m);
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });
});
