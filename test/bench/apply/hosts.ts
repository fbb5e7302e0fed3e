// The apply benchmark's two kinds of host. "fast": the integration
// environment's sshd, whose commands start bash without reading ~/.bashrc
// (as Debian's stock .bashrc returns at once when not interactive). "slow":
// a second sshd per server, same users, roots and nginx, where bash reads
// the deploy user's ~/.bashrc, which sleeps 0.4 s when not interactive (as a
// .bashrc running `pyenv init` costs): every login pays it.

import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestServices, TestSshServer } from '../../integration/env/types.js';
import { ensureBinaries } from '../../integration/env/packages.js';
import { freePorts } from '../../integration/env/ports.js';
import { Daemons } from '../../integration/env/processes.js';
import { startSshd } from '../../integration/env/sshd.js';

export const SLOW_BASHRC = '# tide apply benchmark: a slow login shell\ncase $- in *i*) ;; *) sleep 0.4 ;; esac\n';

export interface SlowHosts {
  servers: TestSshServer[];
  stop(): Promise<void>;
}

export async function startSlowHosts(services: TestServices): Promise<SlowHosts> {
  const bin = await ensureBinaries();
  const daemons = new Daemons();
  const ports = await freePorts(services.ssh.servers.length);
  const bashrcs: string[] = [];
  const servers = await Promise.all(services.ssh.servers.map(async (s, i) => {
    // The deploy user's home is its root (examples/prepare-server.sh).
    const bashrc = join(s.root, '.bashrc');
    writeFileSync(bashrc, SLOW_BASHRC);
    bashrcs.push(bashrc);
    const hostKey = await startSshd(daemons, {
      sshd: bin.sshd, sshKeygen: bin.sshKeygen, dir: join(services.dir, `slow-sshd-${s.name}`), name: `${s.name}-slow`, port: ports[i]!,
      rootAuthorizedKeysFile: join(dirname(services.ssh.clientKeyPath), 'authorized_keys'), sourceBashrc: true,
    });
    return { ...s, port: ports[i]!, hostKey };
  }));
  return {
    servers,
    async stop() {
      await daemons.stopAll();
      for (const b of bashrcs) rmSync(b, { force: true });
    },
  };
}
