// CPU the servers spent, whatever else the machine runs: each server's
// listening sshd (so every login, shell loop and command it starts) and its
// nginx master (config parsing on reload, the workers it starts) are moved
// into a cgroup of their own (v1 cpuacct, as on this machine's kernel) whose
// counter sums the CPU of them and all their descendants, exited ones too.
// Deltas around a contender give its server-side CPU.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestSshServer } from '../../integration/env/types.js';

const CPUACCT = '/sys/fs/cgroup/cpuacct';

function listenerPid(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on port ${port}`);
  return Number(pid);
}

export interface ServerCpu {
  /** CPU ms the servers' processes spent since start. */
  ms(): number;
  /** Moves the processes back to the root cgroup and removes this one. */
  close(): void;
}

/** Starts counting the CPU of these servers' sshd and nginx (and all they start from now on); null where there is no cgroup v1 cpuacct this process may write. */
export function serverCpu(servers: TestSshServer[]): ServerCpu | null {
  const group = join(CPUACCT, `tide-bench-${process.pid}`);
  try {
    if (!existsSync(join(CPUACCT, 'cpuacct.usage'))) return null;
    mkdirSync(group, { recursive: true });
  } catch {
    return null;
  }
  const pids = new Set<number>();
  for (const s of servers) {
    pids.add(listenerPid(s.port));
    pids.add(Number(readFileSync(join(dirname(s.http.configDir), 'nginx', 'nginx.pid'), 'utf8').trim()));
  }
  for (const pid of pids) writeFileSync(join(group, 'cgroup.procs'), `${pid}\n`);
  return {
    ms: () => Number(readFileSync(join(group, 'cpuacct.usage'), 'utf8')) / 1e6,
    close: () => {
      for (const pid of readFileSync(join(group, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
        try { writeFileSync(join(CPUACCT, 'cgroup.procs'), `${pid}\n`); } catch { /* exited meanwhile */ }
      }
      rmdirSync(group);
    },
  };
}
