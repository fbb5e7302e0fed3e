// Runs the environment's daemons: spawn in the foreground, wait until one
// answers, and kill them all at teardown. Each daemon writes to its own log
// file so a failure message can show what it said before dying.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface DaemonSpec {
  /** For messages: "sshd web1". */
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr are appended here. */
  log: string;
  /** Resolves true once the daemon serves requests. */
  ready: () => Promise<boolean>;
  timeoutMs?: number;
}

interface Running {
  spec: DaemonSpec;
  child: ChildProcess;
  exited: Promise<string>;
  done: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function logTail(path: string, lines = 30): Promise<string> {
  const text = await readFile(path, 'utf8').catch((e: Error) => `(no log: ${e.message})`);
  return text.trim() === '' ? '(log is empty)' : text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Signals a daemon's whole process group: nginx workers, php-fpm children, sshd sessions. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export class Daemons {
  private running: Running[] = [];
  // If vitest dies without running teardown, still take the daemons down.
  private readonly onExit = () => this.running.forEach((r) => !r.done && signalGroup(r.child, 'SIGTERM'));

  constructor() {
    process.on('exit', this.onExit);
  }

  async start(spec: DaemonSpec): Promise<void> {
    const fd = openSync(spec.log, 'a');
    // detached: its own process group, which teardown signals as a whole.
    const child = spawn(spec.command, spec.args, { detached: true, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    child.unref();
    const entry: Running = { spec, child, done: false, exited: Promise.resolve('') };
    entry.exited = new Promise((resolve) => {
      child.once('error', (e) => ((entry.done = true), resolve(`could not be started: ${e.message}`)));
      child.once('exit', (code, signal) => ((entry.done = true), resolve(`exited (${signal ?? `code ${code}`})`)));
    });
    this.running.push(entry);
    await this.waitReady(entry);
  }

  private async waitReady({ spec, exited, child }: Running): Promise<void> {
    const timeoutMs = spec.timeoutMs ?? 20_000;
    const deadline = Date.now() + timeoutMs;
    let exitReason: string | undefined;
    void exited.then((reason) => (exitReason = reason));
    while (Date.now() < deadline) {
      if (exitReason !== undefined) break;
      if (await spec.ready()) return;
      await sleep(50);
    }
    const why = exitReason ?? `did not answer within ${timeoutMs} ms`;
    if (exitReason === undefined) signalGroup(child, 'SIGKILL');
    const command = [spec.command, ...spec.args].join(' ');
    throw new Error(
      `integration env: ${spec.name} ${why}\n  command: ${command}\n  log: ${spec.log}\n` +
        `--- last lines of the log ---\n${await logTail(spec.log)}`,
    );
  }

  /** SIGTERM every daemon and wait for it to exit (at most 10 s), then SIGKILL what is left. */
  async stopAll(): Promise<void> {
    const all = this.running;
    this.running = [];
    await Promise.all(
      all.map(async (r) => {
        if (!r.done) {
          signalGroup(r.child, 'SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([r.exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
          // A pending timer would keep vitest alive for the full 10 s.
          clearTimeout(timer);
        }
        // Whatever is left in its group: a stuck leader, workers, open ssh connections.
        signalGroup(r.child, 'SIGKILL');
      }),
    );
    process.off('exit', this.onExit);
  }
}
