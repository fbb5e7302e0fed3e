// What apply prints while it runs and when it is done: one line per operation
// as it starts and ends, then a summary listing every result.

import { formatMs } from './records.js';
import type { OperationResult, ResultStatus } from './executor.js';
import type { RunnableOperation } from '../operations/types.js';

type Described = Pick<RunnableOperation, 'action' | 'target' | 'server'>;

const MARK: Record<ResultStatus, string> = { ok: '✓', 'rolled-back': '✗', failed: '✗', skipped: '-' };

export function describe(op: Described): string {
  const where = op.target.kind === 'server' ? '' : ` on ${op.server}`;
  return `${op.action} ${op.target.kind} ${op.target.name}${where}`;
}

export function startLine(op: Described): string {
  return `→ ${describe(op)}\n`;
}

export function endLine(result: Omit<OperationResult, 'op'> & { op: Described }): string {
  const detail = result.status === 'ok' ? `(${formatMs(result.durationMs)})`
    : result.status === 'skipped' ? `skipped: ${result.message ?? 'not run'}`
    : `${result.status} after ${formatMs(result.durationMs)}: ${firstLine(result.message)}`;
  return `${MARK[result.status]} ${describe(result.op)} ${detail}\n`;
}

export function summary(results: readonly OperationResult[], stateCommit: string | null, branch: string): string {
  if (results.length === 0) return 'Nothing to do: the servers match the fleet.\n';
  const count = (s: ResultStatus) => results.filter((r) => r.status === s).length;
  const lines = [
    '',
    `Apply finished: ${count('ok')} ok, ${count('rolled-back') + count('failed')} failed, ${count('skipped')} skipped.`,
  ];
  for (const r of results) {
    const why = r.status === 'ok' ? '' : `: ${firstLine(r.message)}`;
    const where = r.recordId ? `  [${r.recordId}]` : '';
    lines.push(`  ${MARK[r.status]} ${r.status.padEnd(11)} ${describe(r.op)}${why}${where}`);
  }
  if (count('rolled-back') > 0) lines.push('', 'rolled-back: the operation failed and what it had done was undone; the target is as it was.');
  if (count('failed') > 0) lines.push('', 'failed: the operation failed and could not be fully undone; read its log before applying again.');
  if (stateCommit) lines.push('', `Recorded on ${branch} at ${stateCommit.slice(0, 7)} (git log ${branch} shows each operation; its log is beside its record).`);
  return `${lines.join('\n')}\n`;
}

/** One line for the terminal: the message's first line, plus its last when the first ends in ':' (a command's stderr tail). */
function firstLine(text: string | undefined): string {
  const lines = (text ?? 'unknown error').split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? 'unknown error';
  return first.endsWith(':') && lines.length > 1 ? `${first} ${lines.at(-1)}` : first;
}
