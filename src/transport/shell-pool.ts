// The long-lived shells of one ssh connection: at most one per channel slot,
// started when every existing one is busy, kept while the connection lives,
// and dropped (the next command starts another) once one ends or breaks. A
// command that finds none idle while a warm-up shell is still opening takes
// that one rather than open its own: commands that arrive with the warm-up
// (all waiting for the same connection) would otherwise open as many shells
// again, each a login and a loop start paid by the server for nothing.

import type { Client, ClientChannel } from 'ssh2';
import { TransportError, type SshEndpoint } from './errors.js';
import { SHELL_COMMAND } from './shell-loops.js';
import { ShellSession, type ShellPipes } from './shell-session.js';
import { openChannel, type ChannelExit, type OpenedChannel } from './ssh-channel.js';

/** Commands with this much stdin or more get a channel of their own (the shell holds a command's script in memory). */
export const SHELL_STDIN_LIMIT = 1024 * 1024;

export class ShellPool {
  private readonly idle: ShellSession[] = [];
  /** Every shell started and not yet known to be gone, with the connection it runs on. */
  private readonly live = new Map<ShellSession, Client>();
  /** Warm-up shells still opening that no command has taken yet (null: it could not open). */
  private readonly opening: Promise<ShellSession | null>[] = [];

  constructor(
    private readonly endpoint: SshEndpoint,
    private readonly killGroup: (client: Client, pid: number) => Promise<void>,
  ) {}

  /** An idle shell on `client`, a warm-up shell still opening, or a new one. */
  async take(client: Client): Promise<ShellSession> {
    for (let s = this.idle.pop(); s; s = this.idle.pop()) {
      if (s.usable && this.live.get(s) === client) return s;
      this.drop(s);
    }
    const warming = this.opening.shift();
    if (warming) {
      const s = await warming;
      if (s?.usable && this.live.get(s) === client) return s;
      if (s) this.drop(s);
    }
    return this.open(client);
  }

  private async open(client: Client): Promise<ShellSession> {
    const opened = await openChannel(client, this.endpoint, SHELL_COMMAND).catch((error: Error) => {
      throw new TransportError(this.endpoint.server, 'cannot open an ssh channel for a shell', error.message);
    });
    const session = new ShellSession(this.endpoint.server, channelPipes(opened), (pid) => this.killGroup(client, pid));
    this.live.set(session, client);
    return session;
  }

  /** Starts a shell ahead of its first command and keeps it idle (unless a command took it meanwhile); false when `count` are open already. */
  async prestart(client: Client, count: number): Promise<boolean> {
    if (this.live.size + this.opening.length >= count) return false;
    const started = this.open(client);
    const claimable = started.catch(() => null);
    this.opening.push(claimable);
    try {
      const session = await started;
      const at = this.opening.indexOf(claimable);
      if (at >= 0) {
        this.opening.splice(at, 1);
        this.give(session);
      }
    } catch (error) {
      const at = this.opening.indexOf(claimable);
      if (at >= 0) this.opening.splice(at, 1);
      throw error;
    }
    return true;
  }

  /** Back from a command: kept for the next one if it still works. */
  give(session: ShellSession): void {
    if (session.usable && this.live.has(session)) this.idle.push(session);
    else this.drop(session);
  }

  /** Shells open now (idle or running a command): each holds a channel. */
  get size(): number {
    return this.live.size;
  }

  /** Ends an idle shell to free its channel; false when none is idle. */
  closeIdle(): boolean {
    const s = this.idle.shift();
    if (!s) return false;
    this.drop(s);
    return true;
  }

  closeAll(): void {
    for (const s of this.live.keys()) s.close();
    this.live.clear();
    this.idle.length = 0;
  }

  private drop(session: ShellSession): void {
    session.close();
    this.live.delete(session);
  }
}

/** A shell's pipes on an ssh channel. */
export function channelPipes(opened: OpenedChannel): ShellPipes {
  const ch = opened.channel;
  return {
    write: (data) => void ch.write(data),
    onStdout: (listener) => ch.on('data', listener),
    onStderr: (listener) => ch.stderr.on('data', listener),
    onClose: (listener) => {
      let told = false;
      const once = (why: string) => {
        if (told) return;
        told = true;
        listener(why);
      };
      const exited = ({ code, signal }: ChannelExit) => once(code === null ? `killed by ${signal ?? 'a signal'}` : `exit status ${code}`);
      if (opened.exit) return exited(opened.exit);
      ch.on('exit', (code: number | null, signal?: string) => exited({ code, signal }));
      ch.on('close', () => once('its ssh channel closed'));
      ch.on('error', (e: Error) => once(`its ssh channel failed: ${e.message}`));
    },
    close: () => {
      ch.end();
      ch.close();
    },
  };
}
