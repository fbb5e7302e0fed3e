// Which processes belong to which operation, on any server, even after tide
// lost them: every command tide starts carries TIDE_RUN=<run tag>.<nonce> in
// its environment, and its children inherit it. The run tag names one
// operation (newRunTag, recorded in its running marker on the state branch);
// the nonce names one command.
//
// A lost ssh connection or a tide killed with SIGKILL leaves the command's
// process group running on the server (sshd and setsid() give each command a
// group of its own; nothing signals it when its client goes away). Before an
// undo or a recovery acts on a target, reapRun() finds every process whose
// environment carries the run tag, sends its group SIGTERM, then SIGKILL
// after a grace period, and confirms that none is left. A random tag is never
// recycled the way a pid is, so only that operation's processes are touched.
//
// Needs Linux's /proc and GNU grep (-z) on the server; the user tide logs in
// as can read and signal its own processes, so no privilege is needed.
//
// Whatever runs the commands must keep two things: each command in a process
// group of its own, and TIDE_RUN in its environment. The long-lived shells
// that read framed commands (shell-loops.ts) start each one in a child that
// makes a process group of its own (perl: setpgrp; sh: setsid) with TIDE_RUN
// set, so that a timeout, an undo or a recovery still kills exactly its groups.

import { randomBytes } from 'node:crypto';
import { TideError } from '../errors.js';
import { ioTimeoutMs } from './timeouts.js';
import type { Transport } from './types.js';

export const RUN_VAR = 'TIDE_RUN';

const RUN_TAG = /^t[0-9a-f]{16}$/;

/** A fresh tag for one operation's commands. */
export function newRunTag(): string {
  return `t${randomBytes(8).toString('hex')}`;
}

/** True for a tag newRunTag made: one read back from the state branch may be forged, and a pattern must never reach the reaper. */
export function isRunTag(value: unknown): value is string {
  return typeof value === 'string' && RUN_TAG.test(value);
}

/** The TIDE_RUN value of one command: its run's tag (or a tag of its own) and a nonce. */
export function commandToken(tag?: string): string {
  if (tag !== undefined && !isRunTag(tag)) throw new Error(`invalid run tag: ${JSON.stringify(tag)}`);
  return `${tag ?? newRunTag()}.${randomBytes(4).toString('hex')}`;
}

/** Exit status of the reaper when a group survived SIGKILL. */
const SURVIVED = 3;

/**
 * The reaper: a POSIX sh script for the server. Prints `killed PGID...` when
 * it had groups to kill; exits SURVIVED, with the groups on stderr, when some
 * are still there after SIGKILL.
 */
export function reapCommand(tag: string, graceMs: number): string {
  if (!isRunTag(tag)) throw new Error(`invalid run tag: ${JSON.stringify(tag)}`);
  const steps = Math.max(1, Math.ceil(graceMs / 100));
  return [
    // Our own group, never to be signalled (tide's, for the local transport).
    `me=$(cat /proc/$$/stat); me=\${me##*) }; set -- $me; me=$3`,
    `groups() { for f in $(grep -lsz -- '^${RUN_VAR}=${tag}[.]' /proc/[0-9]*/environ); do`,
    `  s=$(cat "\${f%/environ}/stat" 2>/dev/null) || continue; s=\${s##*) }; set -- $s`,
    `  [ "$3" -gt 1 ] && [ "$3" != "$me" ] && echo "$3"`,
    `done | sort -u | tr '\\n' ' '; }`,
    `wait_gone() { i=0; while [ $i -lt $1 ]; do sleep 0.1; g=$(groups); [ -z "$g" ] && return 0; i=$((i + 1)); done; return 1; }`,
    `g=$(groups); [ -z "$g" ] && exit 0`,
    `echo "killed $g"`,
    `for x in $g; do kill -s TERM -- -$x 2>/dev/null; done`,
    `wait_gone ${steps} && exit 0`,
    `for x in $g; do kill -s KILL -- -$x 2>/dev/null; done`,
    `wait_gone 30 && exit 0`,
    `echo "$g" >&2; exit ${SURVIVED}`,
  ].join('\n');
}

/** Processes of an operation could not be killed, or tide could not make sure they are gone. */
export class RunNotReapedError extends TideError {
  constructor(server: string, tag: string, detail: string, options: { cause?: unknown } = {}) {
    super('PROCESSES_NOT_STOPPED', `server ${server}: cannot make sure the processes of run ${tag} are gone: ${detail}`, {
      retryable: true,
      cause: options.cause,
      hint: `Nothing was undone or repaired while they may still run. Check on ${server} with \`grep -lz '^${RUN_VAR}=${tag}' /proc/*/environ\`, then run tide again.`,
    });
  }
}

export interface ReapOptions {
  /** Time between SIGTERM and SIGKILL (default 3 s). */
  graceMs?: number;
}

/**
 * Kills every process group of the run `tag` on the transport's server and
 * confirms they are gone; returns the groups it killed. Rejects with
 * RunNotReapedError when it cannot confirm it (server unreachable, a
 * process that survives SIGKILL).
 */
export async function reapRun(transport: Transport, tag: string, options: ReapOptions = {}): Promise<number[]> {
  const graceMs = options.graceMs ?? 3000;
  let result;
  try {
    result = await transport.exec(reapCommand(tag, graceMs), { timeoutMs: graceMs + 3000 + ioTimeoutMs(), what: `stopping the processes of run ${tag}` });
  } catch (error) {
    throw new RunNotReapedError(transport.server, tag, (error as Error).message, { cause: error });
  }
  if (result.exitCode === SURVIVED) throw new RunNotReapedError(transport.server, tag, `process groups ${result.stderr.trim()} survived SIGKILL`);
  if (result.exitCode !== 0) throw new RunNotReapedError(transport.server, tag, result.stderr.trim() || `the reaper exited with ${result.exitCode}`);
  const killed = /^killed (.*)$/m.exec(result.stdout)?.[1] ?? '';
  return killed.split(/\s+/).filter(Boolean).map(Number);
}
