// server verify: connect (the transport checks the pinned host key), check
// what the login user needs (preconditions.ts: web group, writable root and
// vhost directory, sudo, the include line, PHP), claim the root for this
// fleet (owner.ts: before anything is written there, so nothing lands in a
// root another fleet owns), make tide's directories, check that the web
// server's config test passes and that it and the database answer, and
// record their versions (and the OS's, and the perl tide's shells run).

import { PERL_VERSION_COMMAND } from '../../transport/shell-loops.js';
import { shellQuote as q } from '../../transport/types.js';
import { dbServiceType } from '../../services/db/index.js';
import { httpCommand } from '../../services/http/commands.js';
import { httpVersion } from '../../services/http/version.js';
import { serverSpec } from '../../state/spec.js';
import { STATE_FORMAT_VERSION, type RecordedServer } from '../../state/types.js';
import { serverDirs } from '../paths.js';
import type { OperationBuilder, Task } from '../types.js';
import { ServerNotPreparedError } from '../errors.js';
import { DISABLED_PAGE, MAINTENANCE_PAGE } from './disabled-page.js';
import { serverPreconditions } from './preconditions.js';
import { claimRootTask } from './owner.js';

export const verifyServer: OperationBuilder = (ctx) => {
  const { server, shell } = ctx;
  const dirs = serverDirs(server);
  const versions: Record<string, string> = {};
  const tasks: Task[] = [
    ...serverPreconditions(shell.transport, server, ctx.desired).map((precondition): Task => ({
      name: `check that ${precondition.name}`,
      run: async () => {
        const missing = await precondition.check();
        if (missing) throw new ServerNotPreparedError(server.name, missing.problem, missing.fix);
      },
    })),
    claimRootTask(ctx),
    {
      name: `create ${dirs.root}/{platforms,sites,backups,config}`,
      run: async () => {
        // The web server's user walks through platforms/, sites/ (without listing it) and config/; backups are tide's alone.
        const open = [dirs.platforms, dirs.config, dirs.disabled, dirs.maintenance].map(q).join(' ');
        const result = await shell.run('creating tide\'s directories',
          `mkdir -p ${open} ${q(dirs.sites)} ${q(dirs.backups)} && chmod 0755 ${open} && chmod 0751 ${q(dirs.sites)} && chmod 0700 ${q(dirs.backups)} && uname -sr && ${PERL_VERSION_COMMAND}`);
        // The perl tide's ssh shells run (one process per command), or none (the slower sh loop).
        [versions.os = '', versions.perl = ''] = result.stdout.trim().split('\n');
      },
    },
    {
      name: `write the "site disabled" and "down for maintenance" pages`,
      run: async () => {
        await shell.transport.writeFile(`${dirs.disabled}/index.html`, DISABLED_PAGE, 0o644);
        await shell.transport.writeFile(`${dirs.maintenance}/index.html`, MAINTENANCE_PAGE, 0o644);
      },
    },
  ];
  const { http, db } = server.services;
  if (http.type !== 'none') {
    tasks.push({
      name: `check ${http.type}: \`${http.check}\` and port ${http.port}`,
      run: async () => {
        await shell.run(`the ${http.type} config test`, httpCommand(http, 'check'));
        versions[http.type] = (await httpVersion(shell.transport, http)) ?? 'config test ok';
        // bash's /dev/tcp: no curl needed on the server to see that the port answers.
        await shell.run(`connecting to ${http.type} on port ${http.port}`,
          `timeout 5 bash -c ${q(`exec 3<>/dev/tcp/127.0.0.1/${http.port}`)}`);
      },
    });
  }
  if (db.type !== 'none') {
    tasks.push({
      name: `check ${db.type} at ${db.host}:${db.port}`,
      run: async () => {
        versions[db.type] = await dbServiceType(db.type).version(shell.transport, { config: db, password: ctx.dbAdminPassword() });
      },
    });
  }
  return {
    tasks,
    updates: () => [{
      kind: 'server',
      name: server.name,
      update: (current: RecordedServer | undefined): RecordedServer => ({
        ...current,
        formatVersion: STATE_FORMAT_VERSION,
        name: server.name,
        ...serverSpec(server),
        reachable: true,
        versions,
        verifiedAt: ctx.now().toISOString(),
      }),
    }],
  };
};
