// Starts the whole environment in `dir`: two SSH servers (web1, web2) with an
// nginx each, one shared php-fpm and one MariaDB, all on loopback. Each
// server is prepared with examples/prepare-server.sh, as a production server
// would be: tide logs in as that server's unprivileged deploy user.

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareBrokenHost, prepareHost, runUserNamer, WEB_GROUP, type PreparedHost } from './hosts.js';
import { startMariadb } from './mariadb.js';
import { startNginx, writeNginxConfig } from './nginx.js';
import { ensureBinaries } from './packages.js';
import { phpFpmPaths, startPhpFpm } from './php-fpm.js';
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
  // mkdtemp makes it 0700: the deploy users, nginx's and PHP's workers must get through it.
  await chmod(dir, 0o711);

  const clientDir = join(dir, 'client');
  await mkdir(clientDir, { recursive: true });
  const clientKeyPath = join(clientDir, 'id_ed25519');
  const publicKeyPath = join(clientDir, 'id_ed25519.pub');
  const rootAuthorizedKeysFile = join(clientDir, 'authorized_keys');
  await writeFile(rootAuthorizedKeysFile, `${await generateKey(bin.sshKeygen, clientKeyPath, 'tide-test-client')}\n`);

  const dbPort = nextPort();
  const userFor = runUserNamer();
  const servers = SERVER_NAMES.map((name) => {
    const serverDir = join(dir, name);
    return { name, serverDir, root: join(serverDir, 'root'), configDir: join(serverDir, 'vhosts'), sshPort: nextPort(), httpPort: nextPort(), httpsPort: nextPort() };
  });
  const phpFpm = phpFpmPaths(bin.phpFpm, join(dir, 'php-fpm'));
  // Root's, as prepare-server.sh installs it in /usr/local/sbin: one per run, so runs side by side never share one.
  const pools = { helper: join(dir, 'sbin', 'tide-php-pool'), confDir: join(dir, 'sbin', 'tide-php-pool.d'), socketDir: phpFpm.dir,
    poolDir: phpFpm.poolDir, tmpDir: join(dir, 'php-fpm', 'tmp'), reload: phpFpm.reload, check: phpFpm.check };
  await mkdir(phpFpm.dir, { recursive: true });
  const nginxConfigs = await Promise.all(servers.map((s) => writeNginxConfig(bin.nginx, join(s.serverDir, 'nginx'), s.httpPort)));
  // One at a time: useradd and usermod lock /etc/passwd and /etc/group.
  const hosts: PreparedHost[] = [];
  for (const [i, s] of servers.entries()) {
    const nginx = nginxConfigs[i]!;
    hosts.push(await prepareHost(userFor(s.name), {
      name: s.name, root: s.root, configDir: s.configDir, includeFile: join(nginx.includeDir, 'tide.conf'),
      check: nginx.check, reload: nginx.reload, authorizedKey: publicKeyPath, pools,
    }));
  }
  const broken = await prepareBrokenHost(userFor('bad'), join(dir, 'badly-prepared'), publicKeyPath);

  // Nothing depends on anything else from here on: start it all at once.
  const db = startMariadb(daemons, bin, join(dir, 'mariadb'), dbPort);
  const fastcgi = startPhpFpm(daemons, bin.phpFpm, phpFpm);
  const sshds = servers.map((s) =>
    startSshd(daemons, {
      sshd: bin.sshd,
      sshKeygen: bin.sshKeygen,
      dir: join(s.serverDir, 'sshd'),
      name: s.name,
      port: s.sshPort,
      rootAuthorizedKeysFile,
    }),
  );
  const nginxes = servers.map((s, i) => startNginx(daemons, bin.nginx, nginxConfigs[i]!, s.name, s.httpPort));
  await settleAll([db, fastcgi, ...sshds, ...nginxes]);

  const sshServers: TestSshServer[] = await Promise.all(
    servers.map(async (s, i) => ({
      name: s.name,
      host: '127.0.0.1' as const,
      port: s.sshPort,
      user: hosts[i]!.user,
      webGroup: WEB_GROUP,
      hostKey: await sshds[i]!,
      root: s.root,
      php: { poolHelper: pools.helper, poolSocketDir: pools.socketDir },
      http: {
        port: s.httpPort, httpsPort: s.httpsPort, configDir: s.configDir,
        check: nginxConfigs[i]!.check, reload: nginxConfigs[i]!.reload, fastcgi: await fastcgi,
      },
    })),
  );
  const web1 = sshServers[0]!;
  const { adminUser, adminPassword } = await db;
  return {
    dir,
    ssh: {
      clientKeyPath,
      servers: sshServers,
      // web1's sshd and nginx, reached as a user nobody prepared.
      badlyPrepared: { ...web1, name: 'bad', user: broken.user, root: broken.root, http: { ...web1.http, configDir: broken.configDir } },
    },
    db: { type: 'mariadb', host: '127.0.0.1', port: dbPort, adminUser, adminPassword },
  };
}
