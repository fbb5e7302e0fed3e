// `tide daemon` as a user runs it: the built CLI in a child process, its JSON
// log lines collected as events to wait for, its HTTP endpoints on the port
// it reports in its `daemon.started` line.

import { execa, type ResultPromise } from 'execa';
import { join } from 'node:path';
import { REPO_ROOT } from './fleet.js';

const TIDE = join(REPO_ROOT, 'dist/cli/bin.js');

export interface DaemonEvent {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

export interface DaemonProcess {
  events: DaemonEvent[];
  /** Everything it wrote on stderr, for failure messages and secret scans. */
  output(): string;
  url(path: string): string;
  /** The first event from index `from` on that matches; rejects after `timeoutMs` with the log. */
  waitFor(what: string, match: (e: DaemonEvent) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<DaemonEvent>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | undefined>;
  readonly child: ResultPromise;
}

export async function startDaemon(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<DaemonProcess> {
  const child = execa('node', [TIDE, 'daemon', '--log-format', 'json', '--listen', '127.0.0.1:0', ...args], {
    cwd, env: { NO_COLOR: '1', ...env }, reject: false,
    // A stop waits as long as the daemon needs (execa would SIGKILL after 5 s).
    forceKillAfterDelay: false, buffer: false, stdin: 'ignore', stdout: 'ignore',
  });
  const events: DaemonEvent[] = [];
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let rest = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    rest += chunk;
    const parts = rest.split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      try {
        events.push(JSON.parse(line) as DaemonEvent);
      } catch {
        // Not an event (a crash's stack trace): kept in the output only.
      }
    }
    for (const wake of waiters) wake();
  });
  let exited = false;
  const exit = child.then((r) => { exited = true; for (const wake of waiters) wake(); return r.exitCode; });

  const waitFor: DaemonProcess['waitFor'] = (what, match, { from = 0, timeoutMs = 60_000 } = {}) => new Promise((resolve, reject) => {
    const check = (): void => {
      const found = events.slice(from).find(match);
      if (found) return done(() => resolve(found));
      if (exited) done(() => reject(new Error(`tide daemon exited before ${what}:\n${lines.join('\n')}`)));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no ${what} within ${timeoutMs} ms:\n${lines.join('\n')}`))), timeoutMs);
    const done = (finish: () => void): void => {
      clearTimeout(timer);
      waiters.delete(check);
      finish();
    };
    waiters.add(check);
    check();
  });

  const started = await waitFor('daemon.started', (e) => e.event === 'daemon.started', { timeoutMs: 30_000 });
  const listen = String(started.listen);
  return {
    events, child, waitFor,
    output: () => lines.join('\n'),
    url: (path) => `http://${listen}${path}`,
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
  };
}
