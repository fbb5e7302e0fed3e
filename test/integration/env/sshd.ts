// One OpenSSH server on its own loopback port: its own host key, logins by
// public key only (deploy users from ~/.ssh/authorized_keys, as on any
// server; root from the test client's file), config and pid file in the temp dir.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Daemons } from './processes.js';
import { tcpGreets } from './probes.js';

/** Generates an unencrypted ed25519 key pair; returns the public key as "ssh-ed25519 AAAA...". */
export async function generateKey(sshKeygen: string, path: string, comment: string): Promise<string> {
  await execa(sshKeygen, ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
  const [type, key] = (await readFile(`${path}.pub`, 'utf8')).trim().split(/\s+/);
  return `${type} ${key}`;
}

/**
 * With UsePAM no, sshd refuses any login to an account whose password field
 * starts with "!" (locked), key or not. Say so up front rather than let every
 * ssh test fail with "Permission denied".
 */
async function assertRootNotLocked(): Promise<void> {
  const shadow = await readFile('/etc/shadow', 'utf8').catch(() => '');
  const root = shadow.split('\n').find((line) => line.startsWith('root:'));
  if (root?.split(':')[1]?.startsWith('!')) {
    throw new Error(
      "integration env: root's password is locked (\"!\" in /etc/shadow), so sshd (UsePAM no) would refuse " +
        "root logins even by key. Unlock it without a password: usermod -p '*' root",
    );
  }
}

export interface SshdOptions {
  sshd: string;
  sshKeygen: string;
  /** Where this sshd's config, host key, pid file and log live. */
  dir: string;
  name: string;
  port: number;
  /** Keys allowed to log in as root (other users: ~/.ssh/authorized_keys). */
  rootAuthorizedKeysFile: string;
  /**
   * Let bash source ~/.bashrc for every command, as a stock sshd does (the
   * apply benchmark's "slow login shell" hosts). Default false: see SHLVL below.
   */
  sourceBashrc?: boolean;
}

/** Starts sshd; returns its host key as tide pins it, "ssh-ed25519 AAAA...". */
export async function startSshd(daemons: Daemons, o: SshdOptions): Promise<string> {
  await assertRootNotLocked();
  // sshd insists on its privilege separation directory existing.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  await mkdir(o.dir, { recursive: true });
  const hostKeyPath = join(o.dir, 'ssh_host_ed25519_key');
  const hostKey = await generateKey(o.sshKeygen, hostKeyPath, `tide-test-${o.name}`);
  const config = join(o.dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${o.port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKeyPath}`,
      `PidFile ${join(o.dir, 'sshd.pid')}`,
      'AuthorizedKeysFile .ssh/authorized_keys',
      'PermitRootLogin yes',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The temp dir is not laid out the way StrictModes wants ~/.ssh to be.
      'StrictModes no',
      'UseDNS no',
      'PrintMotd no',
      'PrintLastLog no',
      // tide uploads over SFTP.
      'Subsystem sftp internal-sftp',
      // Tests open many connections at once; the default 10:30:100 drops some.
      'MaxStartups 100',
      'MaxSessions 100',
      // bash sources ~/.bashrc for every command sshd runs, unless it is a
      // nested shell (SHLVL >= 1). This machine's root .bashrc runs
      // \`pyenv init\` (~0.4 s a command): a cost of the test host, not of the
      // servers tide manages, and it would hide tide's own timing.
      ...(o.sourceBashrc ? [] : ['SetEnv SHLVL=1']),
      'LogLevel VERBOSE',
      'Match User root',
      `  AuthorizedKeysFile ${o.rootAuthorizedKeysFile}`,
      '',
    ].join('\n'),
  );
  await daemons.start({
    name: `sshd ${o.name}`,
    command: o.sshd, // sshd re-executes itself, so it needs the absolute path
    args: ['-D', '-e', '-f', config],
    log: join(o.dir, 'sshd.log'),
    ready: () => tcpGreets(o.port),
  });
  return hostKey;
}
