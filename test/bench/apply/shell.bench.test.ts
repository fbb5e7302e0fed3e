// What one framed command costs: N trivial commands (`true`) one after
// another through one long-lived shell on a loopback sshd, with the perl
// loop and with the sh fallback (shell-loops.ts), against the same N
// commands in ONE plain `ssh host sh -s` script (no round trip per command:
// the floor), and against a plain script of N `sh -c true` (the floor plus
// the one process per command the perl loop costs). Every contender pays
// its own ssh connection. Rounds interleave, ratios of medians are printed;
// it asserts only that each ran its commands. See README.md.

import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { Client } from 'ssh2';
import { expect, inject, it } from 'vitest';
import type { TestSshServer } from '../../integration/env/types.js';
import { sshTransportTo } from '../../integration/support/ssh.js';
import { commandToken } from '../../../src/transport/run-tag.js';
import { PERL_SHELL_COMMAND, SH_SHELL_COMMAND } from '../../../src/transport/shell-loops.js';
import { channelPipes } from '../../../src/transport/shell-pool.js';
import { ShellSession } from '../../../src/transport/shell-session.js';
import { openChannel } from '../../../src/transport/ssh-channel.js';

const services = inject('services');
const server = services.ssh.servers[0] as TestSshServer;
const N = Number(process.env.TIDE_BENCH_SHELL_COMMANDS ?? 200);
const ROUNDS = Number(process.env.TIDE_BENCH_SHELL_ROUNDS ?? 3);

function sshArgs(): string[] {
  return ['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'ControlPath=none', '-o', 'LogLevel=ERROR',
    '-p', String(server.port), '-i', services.ssh.clientKeyPath, `${server.user}@127.0.0.1`];
}

/** One ssh login running one script of N lines. */
async function plainScript(line: string): Promise<number> {
  const started = performance.now();
  await execa('ssh', [...sshArgs(), 'sh -s'], { input: `${line}\n`.repeat(N) });
  return performance.now() - started;
}

/** Connects, runs N `true` one after another through one shell running `loop`, disconnects. */
async function throughLoop(loop: string): Promise<number> {
  const started = performance.now();
  const client = new Client();
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve).once('error', reject);
    client.connect({ host: '127.0.0.1', port: server.port, username: server.user, privateKey: readFileSync(services.ssh.clientKeyPath) });
  });
  const endpoint = { server: server.name, host: '127.0.0.1', port: server.port, user: server.user };
  const session = new ShellSession(server.name, channelPipes(await openChannel(client, endpoint, loop)), async () => undefined);
  for (let i = 0; i < N; i++) {
    const r = await session.run({ command: 'true', token: commandToken(), timeoutMs: 10_000 }, {});
    expect(r.exitCode).toBe(0);
  }
  session.close();
  client.end();
  return performance.now() - started;
}

/** The same through SshTransport.exec (its slots and pool of shells, pinned host key). */
async function throughTransport(): Promise<number> {
  const started = performance.now();
  const t = sshTransportTo(server, services);
  for (let i = 0; i < N; i++) expect((await t.exec('true')).exitCode).toBe(0);
  await t.close();
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it(`runs ${N} trivial commands through one shell: perl loop, sh loop, and plain scripts`, async () => {
  const contenders: Record<string, () => Promise<number>> = {
    'plain script (true)': () => plainScript('true'),
    'plain script (sh -c true)': () => plainScript('sh -c true'),
    'perl loop': () => throughLoop(PERL_SHELL_COMMAND),
    'sh loop': () => throughLoop(SH_SHELL_COMMAND),
    'SshTransport.exec': throughTransport,
  };
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      times[name]!.push(await contenders[name]!());
    }
  }
  const floor = median(times['plain script (true)']!);
  const lines = [`\n${N} x \`true\` on ${server.name} (loopback sshd), medians of ${ROUNDS} interleaved rounds, each with its own ssh connection (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
    '| contender | wall time | per command | / plain script (true) | rounds |', '|---|---|---|---|---|'];
  for (const name of names) {
    const m = median(times[name]!);
    lines.push(`| ${name} | ${(m / 1000).toFixed(2)} s | ${(m / N).toFixed(2)} ms | ${(m / floor).toFixed(1)} | ${times[name]!.map((t) => (t / 1000).toFixed(2)).join(', ')} |`);
  }
  lines.push(`sh loop / perl loop: ${(median(times['sh loop']!) / median(times['perl loop']!)).toFixed(2)}`);
  console.log(lines.join('\n'));
});
