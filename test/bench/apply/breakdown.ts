// Where a timed tide apply spent its time, read from what it recorded on the
// state branch (records and their logs): start-up before the first operation
// began, the operations themselves, the tail after the last one ended;
// commands per operation (its own, and those shared with other operations:
// the config test, reload and served probe of a reload group), and how many
// distinct reloads ran on the servers.

import { operationRecords, stateFile, type TestFleet } from '../../integration/support/fleet.js';

/** The note a command shared by a reload group's operations ends with. */
const SHARED_NOTE = /\((once for \d+ vhosts|for \/)[^)]*\)$/;

export interface TideBreakdown {
  operations: number;
  /** ms from the process start to the first operation's start. */
  startupMs: number;
  /** ms from the first operation's start to the last one's end. */
  operationsMs: number;
  /** ms from the last operation's end to the process exit. */
  tailMs: number;
  /** Median of one operation's duration, ms. */
  medianOpMs: number;
  /** Sum of operation durations / operationsMs: operations in flight on average. */
  inFlight: number;
  /** Commands an operation ran itself (median), file writes included. */
  ownCommands: number;
  /** Commands it shared with others (median): config tests, reloads, served probes. */
  sharedCommands: number;
  /** Distinct reload runs over all servers (a shared one counted once). */
  reloads: number;
  /** Distinct config test runs. */
  checks: number;
  /**
   * Where one operation's time went (medians, ms), from its log's time
   * stamps: before its first command (lock, slots, batching), from the start
   * of each own or shared command to the next logged event (the command, and
   * tide's work after it), and how long one own command took (median).
   */
  split: { beforeFirst: number; own: number; shared: number; perOwnCommand: number };
  /** The log of the operation of median duration, when TIDE_BENCH_SHOW_LOG is set. */
  sampleLog?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `startedAt`/`endedAt`: the timed process, as Date.now() values. */
export function tideBreakdown(fleet: TestFleet, sites: Set<string>, startedAt: number, endedAt: number): TideBreakdown {
  const records = operationRecords(fleet).filter((r) => r.target.kind === 'site' && sites.has(r.target.name) && r.startedAt >= new Date(startedAt).toISOString());
  const starts = records.map((r) => Date.parse(r.startedAt));
  const ends = records.map((r) => Date.parse((r as unknown as { finishedAt: string }).finishedAt));
  const durations = records.map((_, i) => ends[i]! - starts[i]!);
  const own: number[] = [];
  const shared: number[] = [];
  const split = { beforeFirst: [] as number[], own: [] as number[], shared: [] as number[], perOwnCommand: [] as number[] };
  const logs: string[] = [];
  // A shared command is logged, with the same text, in the log of every operation of its batch (whose note names
  // every vhost of the batch): the most times one log has a text is how often it ran.
  const runs = new Map<string, number>();
  for (const r of records) {
    const log = stateFile(fleet, `operations/${r.startedAt.slice(0, 7)}/${r.id}.log`) ?? '';
    logs.push(log);
    const lines = log.split('\n');
    const firsts = lines.flatMap((l, i) => (/^\S+ (\$ |write |remove )/.test(l) ? [i] : []));
    const commandLines = firsts.map((i) => lines[i]!);
    // A command may span lines (the served probe is a multi-line script, on its own or as the last step of a
    // batch's command): its text runs to the line that ends with its note, when it has one.
    const commands = firsts.map((first, k) => {
      const block = lines.slice(first, firsts[k + 1] ?? lines.length);
      const noted = block.findIndex((l) => SHARED_NOTE.test(l));
      return block.slice(0, noted >= 0 ? noted + 1 : 1).map((l) => l.replace(/^\S+ /, '')).join('\n');
    });
    const isShared = (l: string) => SHARED_NOTE.test(l) || l.startsWith('$ command -v curl');
    // Each command's share: from its stamp to the next command's (or the operation's end).
    const day = r.startedAt.slice(0, 11);
    const at = commandLines.map((l) => Date.parse(`${day}${l.slice(0, 12)}Z`));
    const end = Date.parse((r as unknown as { finishedAt: string }).finishedAt);
    const times = { own: 0, shared: 0 };
    const ownEach: number[] = [];
    at.forEach((t, i) => {
      const spent = (at[i + 1] ?? end) - t;
      times[isShared(commands[i]!) ? 'shared' : 'own'] += spent;
      if (!isShared(commands[i]!)) ownEach.push(spent);
    });
    split.beforeFirst.push((at[0] ?? end) - Date.parse(r.startedAt));
    split.own.push(times.own);
    split.shared.push(times.shared);
    split.perOwnCommand.push(...ownEach);
    own.push(commands.filter((l) => !isShared(l)).length);
    shared.push(commands.filter(isShared).length);
    const counts = new Map<string, number>();
    for (const l of commands.filter(isShared)) counts.set(`${r.server} ${l}`, (counts.get(`${r.server} ${l}`) ?? 0) + 1);
    for (const [key, n] of counts) runs.set(key, Math.max(runs.get(key) ?? 0, n));
  }
  // Looked for in a command's first line: a served probe's script further down has a wget `-t 1`.
  const ran = (what: RegExp) => [...runs].filter(([key]) => what.test(key.split('\n')[0]!)).reduce((sum, [, n]) => sum + n, 0);
  const reloads = ran(/ -s reload/);
  // The test and the reload run as one command (shell/steps.ts): its line counts for both.
  const checks = ran(/ -t[\s);]/);
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  return {
    operations: records.length,
    startupMs: first - startedAt,
    operationsMs: last - first,
    tailMs: endedAt - last,
    medianOpMs: median(durations),
    inFlight: durations.reduce((a, b) => a + b, 0) / (last - first),
    ownCommands: median(own),
    sharedCommands: median(shared),
    reloads,
    checks,
    split: { beforeFirst: median(split.beforeFirst), own: median(split.own), shared: median(split.shared), perOwnCommand: median(split.perOwnCommand) },
    ...(process.env.TIDE_BENCH_SHOW_LOG ? { sampleLog: logs[durations.indexOf([...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)]!)] } : {}),
  };
}

export function describeBreakdown(b: TideBreakdown): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `tide: ${b.operations} operations; start-up ${s(b.startupMs)}, operations ${s(b.operationsMs)}, tail ${s(b.tailMs)}; ` +
    `one operation ${s(b.medianOpMs)} (median), ${b.inFlight.toFixed(1)} in flight; commands per operation: ${b.ownCommands} own, ` +
    `${b.sharedCommands} shared; ${b.checks} config tests and ${b.reloads} reloads in all; one operation's time: ` +
    `${s(b.split.beforeFirst)} before its first command, ${s(b.split.own)} in its own commands (${s(b.split.perOwnCommand)} each), ` +
    `${s(b.split.shared)} in shared ones${b.sampleLog ? `\nthe log of an operation of median duration:\n${b.sampleLog}` : ''}`;
}
