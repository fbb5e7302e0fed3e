// One batch of vhost changes on one server, as its reload group
// (reload-group.ts) hands it over: written, tested, reloaded and waited for
// together.
//
// The batch writes its vhosts itself, when it starts: a file written while
// another batch is being tested would be tested, and blamed, with that
// batch. The rule stays the one of a single vhost: a config that fails its
// test is never reloaded, and a vhost is put back before its operation hears
// that the test failed. When the shared test fails, every vhost of the batch
// is put back, the config without them is tested (when it fails too, the
// fault is not theirs: all of them fail, as each would have alone), then the
// faulty ones are found by bisection (halves tested with only their vhosts
// written, the ones that pass kept), only those fail, and the rest are
// reloaded.
//
// The test and the reload after it are one command (shell/steps.ts): a test
// that fails stops it before the reload. The wait until the web server
// answers with the batch's vhosts (served.ts) always runs right after the
// reload in the reload's own command: for nginx it needs the workers the
// reload step saw just before it (retired-workers.ts). When every vhost of
// the batch is written with its marker (installs, updates: what must answer
// is known before the write), the test, the reload and the wait are the
// last steps of the write's command: one round trip per batch. Otherwise (a
// removal, whose marker to wait for is the old file's) the write and the
// test are one command and the reload and the wait another. The shared
// commands land in the log of every operation of the batch (shell.ts
// execForAll).

import type { HttpService } from '../../model/kinds.js';
import { execForAll, serverTransport } from '../../shell/shell.js';
import { FileReplacements, NOT_RUN, runSteps, type ShellStep, type StepResult } from '../../shell/steps.js';
import { TransportError } from '../../transport/errors.js';
import { shellQuote, type ExecOptions, type ExecResult, type Transport } from '../../transport/types.js';
import { TideError } from '../../errors.js';
import { httpCommand, type HttpCommand } from './commands.js';
import { HttpConfigTestError, HttpReloadError, tail } from './errors.js';
import { servedCommand, servedExpectation, servedOutcome, servedTimeoutMs, type ServedExpectation } from './served.js';
import { reloadStep } from './retired-workers.js';
import { vhostProbe } from './template.js';

/** A vhost file an operation wants changed, tested and reloaded. */
export interface VhostChange {
  /** The operation's view of the server's transport: its own commands, and the shared ones, land in its log. */
  view: Transport;
  path: string;
  /** What the file is to hold (null: removed). */
  content: Buffer | string | null;
  /** Test and reload only when there was a file before (removing nothing changes nothing). */
  ifPresent?: boolean;
  /** Output of the shared commands as it arrives. */
  onOutput?: ExecOptions['onOutput'];
  /** Per command; default 60 s. */
  timeoutMs?: number;
  /** After the reload, wait until the web server answers with the change. */
  waitServed?: boolean;
  /**
   * The operation has no command of its own left after this change (only
   * its record, or an undo if it fails): its executor slot goes to the next
   * operation while the change waits for its batch (shell/slot.ts). Without
   * it the operation keeps its slot, and its batch starts at once: a site
   * behind the maintenance page, or an operation with work left to do, is
   * not held back for other operations' vhosts.
   */
  park?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** What a change's file held before it (null: there was none): the undo's input, and what a failed test puts back. */
export interface Replaced {
  previous: Buffer | null;
}

/**
 * A batch's config test, and its reload: null when the test failed,
 * undefined when it is yet to run (with the served wait after it), the
 * error when it was cut off.
 */
interface CheckReload {
  check: ExecResult;
  reload?: ExecResult | Error | null;
}

/** A change whose vhost the served wait waits for, and what must answer. */
interface Watched {
  change: VhostChange;
  expectation: ServedExpectation;
}

/** The served wait that ran right after a reload, in its command. */
interface ServedRun {
  watched: Watched[];
  result: StepResult;
}

/** One batch's writes, test, culprit search, reload and served-wait. */
export class Batch {
  private readonly note: string;
  private readonly previous = new Map<VhostChange, Buffer | null>();
  private changes: VhostChange[] = [];
  /** The served wait that ran in the batch's first command, if it did. */
  private served: ServedRun | undefined;

  constructor(private readonly server: string, private readonly http: HttpService, private readonly all: VhostChange[]) {
    this.note = all.length === 1 ? `for ${all[0]!.path}` : `once for ${all.length} vhosts: ${all.map((c) => c.path).join(', ')}`;
  }

  /** For each change what its file held before, or the error its operation gets. */
  async commit(): Promise<(Replaced | Error)[]> {
    const faults = new Map<VhostChange, Error>();
    const tested = await this.writeAll(faults);
    this.changes = this.all.filter((c) => this.previous.has(c) && !(c.ifPresent && this.previous.get(c) === null));
    if (this.changes.length > 0) await this.testReloadServe(faults, tested);
    return this.all.map((c) => faults.get(c) ?? { previous: this.previous.get(c)! });
  }

  /**
   * Writes every vhost of the batch, each reading back what its file held,
   * then tests and reloads: one command (shell/steps.ts), unless the batch
   * only removes files that may not be there (then the test runs only if one
   * was). A write that fails or is cut off is its change's fault and stops
   * the command there: the writes after it are made one by one and the test
   * runs on its own (null). Returns the test and reload when they ran.
   */
  private async writeAll(faults: Map<VhostChange, Error>): Promise<CheckReload | null> {
    const files = new FileReplacements(this.all.map((c) => ({ path: c.path, content: c.content, mode: 0o644 })));
    const withTest = this.all.some((c) => !c.ifPresent);
    const watched = withTest ? this.watchedBeforeWrite() : null;
    const { exec, combined } = this.execFor(this.all);
    const steps = [files.step(), ...(withTest ? [this.checkStep()] : []), ...(watched ? this.reloadServedSteps(watched) : [])];
    const [written, check, reload, served] = await runSteps(exec, steps, { prelude: files.prelude });
    const unwritten: VhostChange[] = [];
    for (const [i, outcome] of files.outcomes(written!, combined()?.stdout ?? '').entries()) {
      const change = this.all[i]!;
      if (outcome.done) this.previous.set(change, outcome.previous);
      else if (outcome.notRun) unwritten.push(change);
      else if (outcome.error) {
        faults.set(change, outcome.error);
        // Killed before its own clean-up: no temp file stays in the config directory.
        await serverTransport(change.view).exec(`rm -f ${shellQuote(files.tmps[i]!)}`).catch(() => undefined);
      } else faults.set(change, new TransportError(this.server, `cannot ${change.content === null ? 'remove' : 'write'} ${change.path}`, outcome.stderr ?? ''));
    }
    if (unwritten.length > 0) {
      const written = await Promise.allSettled(unwritten.map((c) => c.view.replaceFile(c.path, c.content, 0o644)));
      written.forEach((w, i) => (w.status === 'fulfilled' ? this.previous.set(unwritten[i]!, w.value) : faults.set(unwritten[i]!, w.reason as Error)));
    }
    if (!check) return null;
    const tested = this.checkResults(check, watched ? reload ?? NOT_RUN : undefined, combined());
    if (served) this.served = { watched: watched!, result: served };
    return tested;
  }

  /**
   * What the served wait after the reload waits for, when all of it is
   * known before the write: every waited-for change is a written vhost (not
   * removed, not only if present) with its marker in its new text. Null
   * otherwise (a removal waits for the old file's marker to go): the reload
   * then waits for the write's answer, to run with its served wait.
   */
  private watchedBeforeWrite(): Watched[] | null {
    const waited = this.all.filter((c) => c.waitServed);
    if (waited.some((c) => c.ifPresent || c.content === null || !vhostProbe(c.content))) return null;
    return waited.map((change) => ({ change, expectation: servedExpectation(change.content, null)! }));
  }

  /**
   * The reload and, when anything is waited for, the served wait, as steps
   * of one command: the wait needs to know nginx's workers from just before
   * the reload (retired-workers.ts). Its report (a line per unmet
   * expectation) is on its stderr, as the test's output is.
   */
  private reloadServedSteps(watched: Watched[]): ShellStep[] {
    const reload = reloadStep(this.http, this.all[0]!.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (watched.length === 0) return [reload];
    const wait = `{ ${servedCommand(watched.map((w) => w.expectation), this.http.servedWithin)}\n} >&2`;
    return [reload, { command: wait, timeoutMs: servedTimeoutMs(this.http) }];
  }

  private async testReloadServe(faults: Map<VhostChange, Error>, tested: CheckReload | null): Promise<void> {
    let check: ExecResult;
    let reload: ExecResult | Error | null | undefined;
    try {
      ({ check, reload } = tested ?? await this.checkAlone());
    } catch (error) {
      // The test did not run at all: nothing is known about any of them.
      await this.put(this.changes, 'previous');
      throw error;
    }
    if (check.exitCode !== 0) {
      await this.put(this.changes, 'previous');
      for (const [change, error] of await this.findFaults(check)) faults.set(change, error);
    }
    const kept = this.changes.filter((c) => !faults.has(c));
    if (kept.length === 0) return;
    let served = this.served;
    // Not reloaded yet: the test failed before the culprits were found, or the served wait needed the write's answer.
    if (!reload) ({ reload, served } = await this.reloadAndServe(kept));
    if (reload instanceof Error) throw reload;
    if (reload.exitCode !== 0) {
      for (const c of kept) faults.set(c, new HttpReloadError(reload, this.server, this.previous.get(c)!));
      return;
    }
    if (served) for (const [change, error] of this.servedFaults(served)) faults.set(change, error);
  }

  /** The reload, and the served wait for `kept` right after it, in one command of their own. */
  private async reloadAndServe(kept: VhostChange[]): Promise<{ reload: ExecResult | Error; served?: ServedRun }> {
    const watched = kept.flatMap((change) => {
      const expectation = change.waitServed ? servedExpectation(change.content, this.previous.get(change)!) : null;
      return expectation ? [{ change, expectation }] : [];
    });
    const { exec, combined } = this.execFor(this.changes);
    const [reload, served] = await runSteps(exec, this.reloadServedSteps(watched));
    if (reload!.exitCode === null) return { reload: reload!.error! };
    return { reload: this.stepResult(reload!, 'reload', combined()), served: served ? { watched, result: served } : undefined };
  }

  /** What the served wait found (it ran only after the batch was tested and reloaded). */
  private servedFaults({ watched, result }: ServedRun): Map<VhostChange, Error> {
    if (result.exitCode === null) throw result.error!;
    const failures = servedOutcome(this.server, this.http, watched.map((w) => w.expectation), { exitCode: result.exitCode, report: result.stderr, stderr: '' });
    return new Map(watched.flatMap((w, i) => (failures[i] ? [[w.change, failures[i]!] as const] : [])));
  }

  /**
   * The config test as a step: the reload steps after it in the same
   * command run only when it passes (shell/steps.ts), logged in every
   * operation of the batch. Its stdout goes with its stderr: the command's
   * stdout carries what the vhosts held before.
   */
  private checkStep(): ShellStep {
    return { command: `{ ${httpCommand(this.http, 'check')}; } >&2`, timeoutMs: this.all[0]!.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  }

  /** The test on its own (after writes that did not all go in one command); the reload follows with its served wait. */
  private async checkAlone(): Promise<CheckReload> {
    const { exec, combined } = this.execFor(this.changes);
    const [check] = await runSteps(exec, [this.checkStep()]);
    return this.checkResults(check!, undefined, combined());
  }

  /**
   * What the test and reload steps mean. Throws when the test did not
   * finish; `reload` is null when the test failed (nothing was reloaded),
   * undefined when it was not a step, the error when it was cut off.
   */
  private checkResults(check: StepResult, reload: StepResult | typeof NOT_RUN | undefined, combined: ExecResult | undefined): CheckReload {
    // Cut off (a timeout, a lost connection): as when the test on its own is.
    if (check.exitCode === null) throw check.error!;
    const tested = this.stepResult(check, 'check', combined);
    if (check.exitCode !== 0) return { check: tested, reload: null };
    if (reload === undefined) return { check: tested };
    return { check: tested, reload: reload!.exitCode === null ? reload!.error! : this.stepResult(reload!, 'reload', combined) };
  }

  /** A step's result as the web server command's own (errors name the command the user configured). */
  private stepResult(step: StepResult, which: HttpCommand, combined: ExecResult | undefined): ExecResult {
    return { command: httpCommand(this.http, which), exitCode: step.exitCode!, stdout: '', stderr: step.stderr, durationMs: combined?.durationMs ?? 0 };
  }

  /** An exec that runs a command once for `changes`, logged (with its stderr) in each of their operations, and the last result it got. */
  private execFor(changes: VhostChange[]): { exec: Pick<Transport, 'exec'>; combined: () => ExecResult | undefined } {
    let last: ExecResult | undefined;
    return {
      exec: {
        // Its stdout is what the vhosts held before: the undo's input, not output for the logs.
        exec: async (command, options = {}) => (last = await execForAll(changes.map((c) => c.view), command, this.note, {
          ...options,
          onOutput: (text, stream) => {
            options.onOutput?.(text, stream);
            if (stream === 'stderr') this.onOutput(changes)?.(text, stream);
          },
        }, { stdoutInLog: false })),
      },
      combined: () => last,
    };
  }

  /**
   * With every vhost of the batch put back after the shared test failed:
   * the faulty ones, each with the failed test that shows its fault. The
   * others are written again, their last test passed.
   */
  private async findFaults(failed: ExecResult): Promise<Map<VhostChange, Error>> {
    const faults = new Map<VhostChange, Error>();
    const blame = (change: VhostChange, result: ExecResult) => faults.set(change, new HttpConfigTestError(result, this.server, change.path));
    if (this.changes.length === 1) {
      blame(this.changes[0]!, failed);
      return faults;
    }
    const without = await this.runCheck();
    if (without.exitCode !== 0) {
      // The config fails without any of them: each would have failed alone.
      for (const change of this.changes) blame(change, failed);
      return faults;
    }
    // Written and tested together with the ones kept so far; the faulty one of a failing half is found in its halves.
    const settle = async (part: VhostChange[]): Promise<void> => {
      await this.put(part, 'content');
      const result = await this.runCheck();
      if (result.exitCode === 0) return;
      await this.put(part, 'previous');
      if (part.length === 1) return void blame(part[0]!, result);
      for (const half of halves(part)) await settle(half);
    };
    try {
      for (const half of halves(this.changes)) await settle(half);
    } catch (error) {
      // A test that did not run leaves nothing known: every vhost back as it was.
      await this.put(this.changes, 'previous');
      throw error;
    }
    return faults;
  }

  /** The web server's config test, once, logged in every operation of the batch. */
  private runCheck(): Promise<ExecResult> {
    return execForAll(this.changes.map((c) => c.view), httpCommand(this.http, 'check'), this.note, {
      timeoutMs: this.changes[0]!.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      onOutput: this.onOutput(this.changes),
    });
  }

  private onOutput(changes: VhostChange[]): ExecOptions['onOutput'] {
    return (text, stream) => changes.forEach((c) => c.onOutput?.(text, stream));
  }

  /** Puts each change's file to its new content or back to what it held, through its operation's view. */
  private async put(changes: VhostChange[], which: 'content' | 'previous'): Promise<void> {
    await Promise.all(changes.map((c) => putFile(c.view, c.path, which === 'content' ? c.content : this.previous.get(c)!,
      c.timeoutMs ?? DEFAULT_TIMEOUT_MS)));
  }
}

function halves<T>(items: T[]): T[][] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}

/** Writes `content` to `path` (null: removes it). */
export async function putFile(t: Transport, path: string, content: Buffer | string | null, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (content !== null) {
    await t.writeFile(path, content, 0o644);
    return;
  }
  const removed = await t.exec(`rm -f -- ${shellQuote(path)}`, { timeoutMs });
  if (removed.exitCode !== 0) {
    throw new TideError('HTTP_VHOST_REMOVE_FAILED', `cannot remove ${path} on ${t.server}: ${tail(removed.stderr)}`);
  }
}
