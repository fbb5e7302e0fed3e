// The ssh transport: ONE ssh2 connection per server, opened on first use and
// shared by every exec. A new TCP connection + handshake costs tens of ms; a
// channel on an open one costs a round trip and a login shell's start-up
// (.bashrc: up to half a second on some hosts). So commands run in
// long-lived shells on the connection (shell-pool.ts, one per channel slot)
// that take one framed command after another; only commands with streamed
// input or output (file copies) get a channel of their own.

import { Client, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import { TideError } from '../errors.js';
import type { Server } from '../model/kinds.js';
import { readSecret } from '../secrets.js';
import {
  HostKeyInvalidError,
  HostKeyMismatchError,
  HostKeyMissingError,
  SshConnectError,
  SshIdentityMissingError,
  type SshEndpoint,
} from './errors.js';
import { blobFingerprint, hostKeyAlgorithms, parseHostKeys, type PinnedKey } from './hostkey.js';
import type { RawResult } from './output.js';
import { CommandTransport } from './command-transport.js';
import { invocation, killGroupCommand, type Invocation } from './remote-shell.js';
import { commandToken } from './run-tag.js';
import { SHELL_STDIN_LIMIT, ShellPool } from './shell-pool.js';
import { killable, runChannel, type ChannelSpec } from './ssh-channel.js';
import { ioTimeoutMs } from './timeouts.js';
import type { ExecOptions } from './types.js';

export type SshServer = Pick<Server, 'name' | 'host' | 'port' | 'user' | 'hostKey' | 'identity'>;

export interface SshTransportOptions {
  /** Channels open at once; more execs wait. sshd's MaxSessions defaults to 10. */
  maxChannels?: number;
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  /** Where env: identities and SSH_AUTH_SOCK are read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** A counting semaphore: execs beyond the limit queue in order. */
class Slots {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

export class SshTransport extends CommandTransport {
  readonly server: string;
  /** TCP connections made so far: 1 for any number of execs while it stays up. */
  connections = 0;
  private readonly endpoint: SshEndpoint;
  private readonly slots: Slots;
  private readonly maxChannels: number;
  /** Long-lived shells (one per slot at most) that run commands without a login each. */
  private readonly shells: ShellPool;
  /** Commands running on a channel of their own (streamed input or output). */
  private streaming = 0;
  private conn: Promise<Client> | null = null;
  private current: Client | null = null;
  /** The client still in its handshake, if any: close() drops it rather than wait for its timeout. */
  private handshaking: Client | null = null;
  /** Set by close(): a warm-up still waiting opens nothing more. */
  private closed = false;
  /** Abort functions of the channels running now, failed when the connection drops. */
  private readonly running = new Set<(error: Error) => void>();

  constructor(
    private readonly config: SshServer,
    private readonly options: SshTransportOptions = {},
  ) {
    super();
    this.server = config.name;
    this.endpoint = { server: config.name, host: config.host ?? '', port: config.port, user: config.user ?? 'root' };
    this.maxChannels = options.maxChannels ?? 8;
    this.slots = new Slots(this.maxChannels);
    this.shells = new ShellPool(this.endpoint, (client, pid) => this.killGroup(client, pid));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.shells.closeAll();
    const conn = this.conn;
    this.conn = null;
    // A server that does not answer would otherwise hold the close until readyTimeout.
    this.handshaking?.destroy();
    const client = await conn?.catch(() => null);
    if (!client) return;
    if (this.current === client) this.current = null;
    await new Promise<void>((resolve) => {
      client.once('close', () => resolve());
      client.end();
    });
  }

  /**
   * Opens the connection and starts up to `shells` long-lived shells before
   * the first command needs them (a login shell's start-up then overlaps
   * the caller's own work); no command runs. Each shell holds a slot while
   * it opens, so commands never find more shells than slots. A failure is
   * left for the first command, which meets it as it would have. Resolves
   * once the connection is up or has failed.
   */
  warm(shells: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    const count = Math.min(shells, this.maxChannels);
    const one = async (): Promise<void> => {
      const release = await this.slots.acquire();
      try {
        if (this.closed) return;
        const client = await this.client();
        if (!this.closed) await this.shells.prestart(client, count);
      } finally {
        release();
      }
    };
    for (let i = 0; i < count; i++) one().catch(() => undefined);
    return this.client().then(() => undefined, () => undefined);
  }

  protected async run(command: string, given: ExecOptions): Promise<RawResult> {
    // Every command has a limit, and its processes carry their run's tag.
    const options = { ...given, timeoutMs: given.timeoutMs ?? ioTimeoutMs() };
    const token = commandToken(options.tag);
    const stdin = options.stdin;
    const inShell = options.stdout === undefined && (stdin === undefined || ((typeof stdin === 'string' || Buffer.isBuffer(stdin)) && Buffer.byteLength(stdin) < SHELL_STDIN_LIMIT));
    const inv = inShell ? null : invocation(command, options.cwd, options.env, killable(options), token);
    const release = await this.slots.acquire();
    try {
      const client = await this.client();
      if (!inv) return await this.runInShell(client, command, token, stdin as string | Buffer | undefined, options);
      // Streams get a channel of their own: within the slots, so an idle shell may have to make room.
      if (this.shells.size + this.streaming >= this.maxChannels) this.shells.closeIdle();
      this.streaming++;
      try {
        return await runChannel(client, this.spec(client, command, inv, options));
      } finally {
        this.streaming--;
      }
    } finally {
      release();
    }
  }

  /** Runs the command in one of the connection's long-lived shells (shell-session.ts). */
  private async runInShell(client: Client, command: string, token: string, stdin: string | Buffer | undefined, options: ExecOptions & { timeoutMs: number }): Promise<RawResult> {
    const session = await this.shells.take(client);
    const abort = (error: Error) => session.abort(error);
    this.running.add(abort);
    try {
      return await session.run({ command, cwd: options.cwd, env: options.env, stdin, files: options.files, token, timeoutMs: options.timeoutMs }, options);
    } finally {
      this.running.delete(abort);
      this.shells.give(session);
    }
  }

  private spec(client: Client, command: string, invocation: Invocation, options: ExecOptions): ChannelSpec {
    return {
      endpoint: this.endpoint,
      command,
      invocation,
      options,
      // Outside the queue: the timed-out command still holds its slot, and
      // the limit leaves room under sshd's MaxSessions for this channel.
      killGroup: (pid) => this.killGroup(client, pid),
      track: (abort) => {
        this.running.add(abort);
        return () => this.running.delete(abort);
      },
    };
  }

  /**
   * Kills a timed-out command's process group from a channel of its own:
   * outside the queue (the timed-out command still holds its slot), and the
   * limit leaves room under sshd's MaxSessions for it.
   */
  private async killGroup(client: Client, pid: number): Promise<void> {
    const kill = killGroupCommand(pid);
    await runChannel(client, this.spec(client, kill, { command: kill }, {}));
  }

  /** The shared connection, opened on first use and again after it drops. */
  private client(): Promise<Client> {
    if (!this.conn) {
      const conn = this.connect();
      this.conn = conn;
      conn.catch(() => {
        if (this.conn === conn) this.conn = null;
      });
    }
    return this.conn;
  }

  private connect(): Promise<Client> {
    const ep = this.endpoint;
    if (!this.config.host) return Promise.reject(new SshConnectError(ep, 'the Server has no host', { auth: true, hint: "Set the Server's host, or transport: local." }));
    let pins: PinnedKey[];
    let auth: Pick<ConnectConfig, 'privateKey' | 'agent'>;
    try {
      pins = this.pins();
      auth = this.auth();
    } catch (error) {
      return Promise.reject(error);
    }
    const expected = pins.map((k) => blobFingerprint(k.blob));

    return new Promise((resolve, reject) => {
      const client = new Client();
      this.handshaking = client;
      let ready = false;
      let refused: Error | undefined;
      client.on('connect', () => {
        this.connections++;
        // Nagle + delayed ACK cost ~40 ms per small request/response exchange.
        client.setNoDelay(true);
      });
      client.on('ready', () => {
        ready = true;
        if (this.handshaking === client) this.handshaking = null;
        this.current = client;
        resolve(client);
      });
      client.on('error', (error: Error & { level?: string }) => {
        if (ready) return this.lost(client, error);
        if (!refused && /no matching host key format/.test(error.message)) {
          refused = new HostKeyMismatchError(ep, expected, null);
        }
        reject(refused ?? this.connectError(error));
      });
      client.on('close', () => {
        if (this.handshaking === client) this.handshaking = null;
        if (!ready) reject(refused ?? new SshConnectError(ep, 'the connection closed during the handshake'));
        this.lost(client);
      });
      try {
        client.connect({
          host: this.config.host,
          port: ep.port,
          username: ep.user,
          ...auth,
          readyTimeout: this.options.readyTimeoutMs ?? 15_000,
          keepaliveInterval: this.options.keepaliveIntervalMs ?? 15_000,
          keepaliveCountMax: 3,
          // Only the pinned key types, so the server cannot present another
          // (valid, but unpinned) key of a type it prefers.
          algorithms: { serverHostKey: hostKeyAlgorithms(pins) as ServerHostKeyAlgorithm[] },
          hostVerifier: (key: Buffer) => {
            if (pins.some((k) => k.blob.equals(key))) return true;
            refused = new HostKeyMismatchError(ep, expected, blobFingerprint(key));
            return false;
          },
        });
      } catch (error) {
        // ssh2 parses the private key synchronously here.
        if (this.handshaking === client) this.handshaking = null;
        const why = (error as Error).message;
        reject(new SshConnectError(ep, why, { auth: true, hint: 'identity must be an unencrypted OpenSSH or PEM private key.' }));
      }
    });
  }

  private pins(): PinnedKey[] {
    if (!this.config.hostKey?.trim()) throw new HostKeyMissingError(this.endpoint);
    let pins: PinnedKey[];
    try {
      pins = parseHostKeys(this.config.hostKey);
    } catch (error) {
      throw new HostKeyInvalidError(this.server, (error as Error).message);
    }
    if (pins.length === 0) throw new HostKeyMissingError(this.endpoint);
    return pins;
  }

  private auth(): Pick<ConnectConfig, 'privateKey' | 'agent'> {
    const env = this.options.env ?? process.env;
    if (this.config.identity) {
      try {
        return { privateKey: readSecret(this.config.identity, env) };
      } catch (error) {
        const e = error as TideError;
        throw new TideError(e.code ?? 'SECRET_UNAVAILABLE', `server ${this.server}: identity: ${e.message}`, { hint: e.hint, cause: e });
      }
    }
    if (env.SSH_AUTH_SOCK) return { agent: env.SSH_AUTH_SOCK };
    throw new SshIdentityMissingError(this.endpoint);
  }

  private connectError(error: Error & { level?: string; code?: string }): SshConnectError {
    if (error.level === 'client-authentication') {
      return new SshConnectError(this.endpoint, 'authentication failed (publickey refused)', { auth: true, cause: error });
    }
    if (error.level === 'client-timeout') {
      return new SshConnectError(this.endpoint, 'no SSH handshake before the timeout', { cause: error });
    }
    return new SshConnectError(this.endpoint, error.message, { cause: error });
  }

  /** The connection dropped: fail the commands on it; the next exec reconnects. */
  private lost(client: Client, error?: Error): void {
    if (this.current !== client) return;
    this.current = null;
    this.conn = null;
    const why = `the connection was lost${error ? `: ${error.message}` : ''}`;
    for (const abort of [...this.running]) abort(new SshConnectError(this.endpoint, why, { cause: error }));
  }
}
