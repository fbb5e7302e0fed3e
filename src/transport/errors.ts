// Typed failures of the transports. Each message names the server (the
// fleet's name and, for ssh, user@host:port) so a run across many servers
// says where it went wrong.

import { TideError } from '../errors.js';
import { COMMAND_TIMEOUT_VAR, formatLimit, IO_TIMEOUT_VAR } from './timeouts.js';

/** A server's address as errors print it. */
export interface SshEndpoint {
  server: string;
  host: string;
  port: number;
  user: string;
}

export function endpointLabel(e: SshEndpoint): string {
  return `${e.user}@${e.host}:${e.port}`;
}

function hostPort(e: { host: string; port: number }): string {
  return e.port === 22 ? e.host : `${e.host}:${e.port}`;
}

/** No hostKey pinned: tide never trusts a key on first use. */
export class HostKeyMissingError extends TideError {
  constructor(e: SshEndpoint) {
    super('HOST_KEY_MISSING', `server ${e.server} (${endpointLabel(e)}) has no hostKey; tide does not connect to an unpinned server.`, {
      hint:
        `Run \`tide keyscan ${hostPort(e)}\`, check the fingerprint out of band (on the server: ` +
        '`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`), then put the line in the Server\'s hostKey.',
    });
  }
}

/** The hostKey text holds no key tide can use. */
export class HostKeyInvalidError extends TideError {
  constructor(server: string, why: string) {
    super('HOST_KEY_INVALID', `server ${server}: hostKey is not usable: ${why}`, {
      hint: 'Write it as `tide keyscan` prints it: "ssh-ed25519 AAAA..." (one key per line).',
    });
  }
}

/** The server presented a key other than the pinned one: nothing was run. */
export class HostKeyMismatchError extends TideError {
  readonly expected: string[];
  /** Fingerprint of the key the server presented; null when it offered none of the pinned types. */
  readonly presented: string | null;

  constructor(e: SshEndpoint, expected: string[], presented: string | null) {
    const got = presented === null ? 'no host key of the pinned type' : `host key ${presented}`;
    super(
      'HOST_KEY_MISMATCH',
      `server ${e.server} (${hostPort(e)}) presented ${got}, but its pinned hostKey is ` +
        `${expected.join(' or ')}; refused to connect, nothing was run.`,
      {
        hint:
          'Someone may be intercepting the connection, or the server was reinstalled. Check the key out of band ' +
          `before updating hostKey (\`tide keyscan ${hostPort(e)}\` prints the new one).`,
      },
    );
    this.expected = expected;
    this.presented = presented;
  }
}

/** The connection could not be made, authenticated, or was lost. */
export class SshConnectError extends TideError {
  constructor(e: SshEndpoint, cause: string, options: { hint?: string; cause?: unknown; auth?: boolean } = {}) {
    super('SSH_CONNECT_FAILED', `server ${e.server}: cannot connect to ${endpointLabel(e)}: ${cause}`, {
      retryable: !options.auth,
      cause: options.cause,
      hint:
        options.hint ??
        (options.auth
          ? `Authorize the key given by the Server's identity (or loaded in ssh-agent) for ${e.user} on ${e.host}: ` +
            'append its public half to ~/.ssh/authorized_keys there.'
          : 'Check that the server is up and that sshd listens on that address and port.'),
    });
  }
}

/** Neither an identity nor an ssh-agent to authenticate with. */
export class SshIdentityMissingError extends TideError {
  constructor(e: SshEndpoint) {
    super('SSH_IDENTITY_MISSING', `server ${e.server}: no key to log in to ${endpointLabel(e)} with.`, {
      hint: 'Set the Server\'s identity to env:NAME or file:PATH of a private key, or start ssh-agent (SSH_AUTH_SOCK).',
    });
  }
}

/**
 * A command (or a file read, write or copy) ran past its limit; its process
 * group was killed. Names the server, what was being done and the limit.
 */
export class CommandTimeoutError extends TideError {
  readonly server: string;
  readonly command: string;
  readonly timeoutMs: number;
  /** What was being done: "command `nginx -t`", "reading /var/tide/x", "copying a:/x → b:/y". */
  readonly what: string;

  constructor(server: string, command: string, timeoutMs: number, what = `command \`${brief(command)}\``) {
    super('COMMAND_TIMEOUT', `server ${server}: ${what} timed out after ${formatLimit(timeoutMs)} and was killed`, {
      retryable: true,
      hint: `Raise the limit (${COMMAND_TIMEOUT_VAR} for application commands, ${IO_TIMEOUT_VAR} for tide's own) if it is slow but healthy; otherwise check what it waits for on ${server}.`,
    });
    this.server = server;
    this.command = command;
    this.timeoutMs = timeoutMs;
    this.what = what;
  }
}

/**
 * The long-lived shell a command ran in (shell-session.ts) ended or broke
 * before the command finished: whether the command did its work is unknown.
 * The shell is replaced for the next command.
 */
export class RemoteShellLostError extends TideError {
  readonly server: string;

  constructor(server: string, command: string | undefined, why: string) {
    const running = command === undefined ? '' : ` while running \`${brief(command)}\``;
    super('REMOTE_SHELL_LOST', `server ${server}: tide's shell on the server ended${running} (${why}); the command's outcome is unknown`, {
      retryable: true,
      hint: `tide starts a new shell for the next command. If this repeats, check what ends processes of the deploy user on ${server} (an OOM kill, a session limit, a process reaper).`,
    });
    this.server = server;
  }
}

/** A transport operation (file read or write) failed on the server. */
export class TransportError extends TideError {
  constructor(server: string, what: string, detail: string) {
    super('TRANSPORT_FAILED', `server ${server}: ${what}: ${detail.trim() || 'failed'}`);
  }
}

/** A file on a server, as a copy names its two ends. */
export interface FileAt {
  server: string;
  path: string;
}

/** A file copy between servers (or within one) failed; the destination was left as it was. */
export class FileCopyError extends TideError {
  readonly from: FileAt;
  readonly to: FileAt;
  /** True when the source file does not exist. */
  readonly missing: boolean;

  constructor(from: FileAt, to: FileAt, detail: string, options: { missing?: boolean; retryable?: boolean; cause?: unknown } = {}) {
    super(
      options.missing ? 'FILE_MISSING' : 'FILE_COPY_FAILED',
      `cannot copy ${from.server}:${from.path} → ${to.server}:${to.path}: ${detail.trim() || 'failed'}`,
      { retryable: options.retryable, cause: options.cause },
    );
    this.from = from;
    this.to = to;
    this.missing = options.missing ?? false;
  }
}

/** Commands can be long scripts: an error shows their first line, shortened. */
export function brief(command: string): string {
  const first = command.trim().split('\n')[0] ?? '';
  const more = command.trim().includes('\n') ? ' …' : '';
  return first.length > 120 ? `${first.slice(0, 117)}…` : `${first}${more}`;
}
