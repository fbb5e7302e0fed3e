// server verify: connect (the transport checks the pinned host key), make
// tide's directories, check that the web server's config test passes and that
// it and the database answer, and record their versions.

import { shellQuote as q } from '../../transport/types.js';
import { dbServiceType } from '../../services/db/index.js';
import { httpVersion } from '../../services/http/version.js';
import { serverSpec } from '../../state/spec.js';
import { STATE_FORMAT_VERSION, type RecordedServer } from '../../state/types.js';
import { serverDirs } from '../paths.js';
import type { OperationBuilder, Task } from '../types.js';
import { DISABLED_PAGE, MAINTENANCE_PAGE } from './disabled-page.js';

export const verifyServer: OperationBuilder = (ctx) => {
  const { server, shell } = ctx;
  const dirs = serverDirs(server);
  const versions: Record<string, string> = {};
  const tasks: Task[] = [
    {
      name: `create ${dirs.root}/{platforms,sites,backups,config}`,
      run: async () => {
        const result = await shell.run('creating tide\'s directories',
          `mkdir -p ${[dirs.platforms, dirs.sites, dirs.backups, dirs.disabled, dirs.maintenance].map(q).join(' ')} && chmod 0700 ${q(dirs.backups)} && uname -sr`);
        versions.os = result.stdout.trim();
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
        await shell.run(`the ${http.type} config test`, http.check);
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
