// The shell text the ssh transport sends. Kept apart from the connection
// code so the quoting can be read (and tested) on its own.
//
// Env values may be secrets, and a remote command line is visible to anyone
// on the server (`ps`, /proc/PID/cmdline). So when env or cwd is given, the
// command line is a fixed bootstrap that carries no values:
//
//   sh -c 'while IFS= read -r l; do ...; done; eval "$s"' __tide_<nonce>
//
// and the script (export lines, cd, `exec sh -c COMMAND`) arrives on the
// channel's stdin, ended by a line holding the random marker. The `read`
// builtin consumes stdin one byte at a time (POSIX requires it not to read
// past the newline), so whatever follows the marker line is left unread for
// the command: the caller's stdin bytes, sent right after the script. One
// channel, no temp file holding secrets, binary stdin intact. A script cut
// short (no marker) runs nothing and exits 125.

import { randomBytes } from 'node:crypto';
import { RUN_VAR } from './run-tag.js';
import { shellQuote } from './types.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Exit status of the bootstrap when the script never arrived whole. */
export const SCRIPT_TRUNCATED = 125;

// $0 is the marker; lines before it accumulate in $s, joined with newlines.
const BOOTSTRAP = [
  's=; while IFS= read -r l; do [ "$l" = "$0" ] && break; s="$s$l',
  `"; done; [ "$l" = "$0" ] || exit ${SCRIPT_TRUNCATED}; eval "$s"`,
].join('\n');

export interface Invocation {
  /** What goes on the remote command line: never an env value. */
  command: string;
  /** Sent on stdin before the caller's stdin, when env or cwd is given. */
  preamble?: string;
}

/**
 * Written to stderr first by a command that may have to be killed. OpenSSH
 * refuses the "signal" channel request for root sessions (no privilege
 * separation after a root login), so a timeout kills the process group by
 * pid from a second channel. sshd runs each session under setsid(), so the
 * login shell's $$ is the group of everything the command starts.
 */
export const PID_MARK = '\x1etide-pid:';

/**
 * `token` (run-tag.ts) is exported as TIDE_RUN on the command line: it is no
 * secret, and every process the command starts inherits it.
 */
export function invocation(command: string, cwd?: string, env?: Record<string, string>, reportPid = false, token?: string): Invocation {
  const inv = scripted(command, cwd, env);
  if (!reportPid && token === undefined) return inv;
  const run = inv.preamble === undefined ? `sh -c ${shellQuote(command)}` : inv.command;
  const tagged = token === undefined ? '' : `${RUN_VAR}=${shellQuote(token)}; export ${RUN_VAR}; `;
  const pid = reportPid ? `printf '\\036tide-pid:%s\\n' "$$" >&2; ` : '';
  return { ...inv, command: `${tagged}${pid}exec ${run}` };
}

/** `kill` of a whole process group, for a timed-out command. */
export function killGroupCommand(pid: number): string {
  return `kill -s KILL -- -${pid} 2>/dev/null; kill -s KILL ${pid} 2>/dev/null; true`;
}

function scripted(command: string, cwd?: string, env?: Record<string, string>): Invocation {
  const vars = Object.entries(env ?? {});
  if (vars.length === 0 && cwd === undefined) return { command };
  const lines: string[] = [];
  for (const [name, value] of vars) {
    if (!ENV_NAME.test(name)) throw new Error(`invalid environment variable name: ${JSON.stringify(name)}`);
    lines.push(`export ${name}=${shellQuote(value)}`);
  }
  if (cwd !== undefined) lines.push(`cd ${shellQuote(cwd)} || exit 1`);
  lines.push(`exec sh -c ${shellQuote(command)}`);
  const marker = `__tide_${randomBytes(12).toString('hex')}`;
  return { command: `sh -c ${shellQuote(BOOTSTRAP)} ${marker}`, preamble: `${lines.join('\n')}\n${marker}\n` };
}

/** Octal text for chmod. */
function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/**
 * Atomic write: stdin goes to a temp file beside the target (created under
 * umask 077, so a secret is never briefly world-readable), then chmod and mv.
 * One channel per file and no SFTP round trips (open, write, setstat, close,
 * rename): over a WAN the round trips cost more than the server's processes.
 */
export function writeFileCommand(path: string, mode: number, tmp = tempBeside(path).tmp): string {
  const { dir } = tempBeside(path);
  const [d, t, p] = [dir, tmp, path].map(shellQuote);
  return (
    `{ [ -d ${d} ] || mkdir -p ${d}; } && (umask 077 && cat > ${t}) && chmod ${octal(mode)} ${t} && mv -f ${t} ${p}` +
    ` || { s=$?; rm -f ${t}; exit $s; }`
  );
}

/** The directory of `path` and a fresh temp name beside it (a rename stays on one filesystem). */
export function tempBeside(path: string): { dir: string; tmp: string } {
  const { dir, prefix } = tempPrefix(path);
  return { dir, tmp: `${prefix}${randomBytes(6).toString('hex')}` };
}

/** A shell word matching every temp name tempBeside gives `path`: what a write cut off by a kill leaves. */
export function tempGlob(path: string): string {
  return `${shellQuote(tempPrefix(path).prefix)}*`;
}

function tempPrefix(path: string): { dir: string; prefix: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash > 0 ? path.slice(0, slash) : slash === 0 ? '/' : '.';
  return { dir, prefix: `${dir === '/' ? '' : dir}/.${path.slice(slash + 1)}.tide-` };
}

/**
 * A streamed write, first half: stdin into `tmp` (parent dirs made, umask 077
 * as for writeFileCommand). Nothing takes the destination's name yet: the
 * sender may still fail, and a cut-off stream looks like a normal EOF here.
 */
export function receiveFileCommand(tmp: string): string {
  const { dir } = tempBeside(tmp);
  const [d, t] = [dir, tmp].map(shellQuote);
  return `{ [ -d ${d} ] || mkdir -p ${d}; } && (umask 077 && cat > ${t}) || { s=$?; rm -f ${t}; exit $s; }`;
}

/** Exit status of commitFileCommand when the temp file does not hold the bytes sent. */
export const SIZE_MISMATCH = 46;

/**
 * Second half: `tmp` becomes `path` (mode, rename) only if it holds exactly
 * `bytes` bytes; otherwise, or if that fails, it is removed.
 */
export function commitFileCommand(tmp: string, path: string, mode: number, bytes: number): string {
  const [t, p] = [tmp, path].map(shellQuote);
  return (
    `n=$(wc -c < ${t} 2>/dev/null | tr -d ' '); if [ "$n" != ${bytes} ]; then rm -f ${t}; echo "received \${n:-no} bytes" >&2; exit ${SIZE_MISMATCH}; fi; ` +
    `chmod ${octal(mode)} ${t} && mv -f ${t} ${p} || { s=$?; rm -f ${t}; exit $s; }`
  );
}

/** Exit status of replaceFileCommand when there was no file before (the new one is in place). */
export const REPLACED_NONE = 45;

/**
 * Prints the file at `path` (if there is one), then writes stdin to it as
 * writeFileCommand does, or removes it when `write` is false. Exits 0 when
 * there was a file before, REPLACED_NONE when not, anything else on failure.
 */
export function replaceFileCommand(path: string, mode: number, tmp: string, write: boolean): string {
  const p = shellQuote(path);
  const put = write ? writeFileCommand(path, mode, tmp) : `rm -f -- ${p}`;
  return `if [ -e ${p} ]; then cat ${p} || exit 1; h=0; else h=${REPLACED_NONE}; fi; { ${put}; } || exit; exit $h`;
}

/** Exit status of readFileCommand when the file does not exist. */
export const READ_MISSING = 44;

export function readFileCommand(path: string): string {
  const p = shellQuote(path);
  return `if [ -e ${p} ]; then exec cat ${p}; else exit ${READ_MISSING}; fi`;
}
