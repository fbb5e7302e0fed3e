// Starts the whole environment in `dir`: two SSH servers (web1, web2) with an
// nginx each, one shared php-fpm and one MariaDB, all on loopback.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMariadb } from './mariadb.js';
import { startNginx } from './nginx.js';
import { ensureBinaries } from './packages.js';
import { startPhpFpm } from './php-fpm.js';
import { freePorts } from './ports.js';
import type { Daemons } from './processes.js';
import { generateKey, startSshd } from './sshd.js';
import type { TestServices, TestSshServer } from './types.js';

const SERVER_NAMES = ['web1', 'web2'];

/**
 * Waits for every start to settle, so nothing is still starting when the
 * caller tears down, then fails with every error at once.
 */
async function settleAll(starts: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(starts);
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message ?? r.reason)] : []));
  if (errors.length > 0) throw new Error(errors.join('\n\n'));
}

export async function startServices(dir: string, daemons: Daemons): Promise<TestServices> {
  const bin = await ensureBinaries();
  // Per server: ssh, http, https; plus one for MariaDB.
  const ports = await freePorts(SERVER_NAMES.length * 3 + 1);
  const nextPort = () => ports.shift() as number;

  const clientDir = join(dir, 'client');
  await mkdir(clientDir, { recursive: true });
  const clientKeyPath = join(clientDir, 'id_ed25519');
  const authorizedKeysFile = join(clientDir, 'authorized_keys');
  await writeFile(authorizedKeysFile, `${await generateKey(bin.sshKeygen, clientKeyPath, 'tide-test-client')}\n`);

  const dbPort = nextPort();
  const servers = SERVER_NAMES.map((name) => {
    const serverDir = join(dir, name);
    return { name, serverDir, root: join(serverDir, 'root'), sshPort: nextPort(), httpPort: nextPort(), httpsPort: nextPort() };
  });
  for (const s of servers) await mkdir(s.root, { recursive: true });

  // Nothing depends on anything else from here on: start it all at once.
  const db = startMariadb(daemons, bin, join(dir, 'mariadb'), dbPort);
  const fastcgi = startPhpFpm(daemons, bin.phpFpm, join(dir, 'php-fpm'));
  const sshds = servers.map((s) =>
    startSshd(daemons, {
      sshd: bin.sshd,
      sshKeygen: bin.sshKeygen,
      dir: join(s.serverDir, 'sshd'),
      name: s.name,
      port: s.sshPort,
      authorizedKeysFile,
    }),
  );
  const nginxes = servers.map((s) => startNginx(daemons, bin.nginx, join(s.serverDir, 'nginx'), s.name, s.httpPort));
  await settleAll([db, fastcgi, ...sshds, ...nginxes]);

  const sshServers: TestSshServer[] = await Promise.all(
    servers.map(async (s, i) => ({
      name: s.name,
      host: '127.0.0.1' as const,
      port: s.sshPort,
      user: 'root' as const,
      hostKey: await sshds[i]!,
      root: s.root,
      http: { port: s.httpPort, httpsPort: s.httpsPort, ...(await nginxes[i]!), fastcgi: await fastcgi },
    })),
  );
  const { adminUser, adminPassword } = await db;
  return {
    dir,
    ssh: { clientKeyPath, servers: sshServers },
    db: { type: 'mariadb', host: '127.0.0.1', port: dbPort, adminUser, adminPassword },
  };
}
