// What an apply on merge reports: applied / partly / failed, each operation's
// result with links to its record and log on the state branch, and what was
// held back. The same markdown goes to the job summary and, as a section of
// its own (one per shard), into the merged pull request's tide comment.

import type { OperationResult } from '../apply/executor.js';
import { describe } from '../apply/progress.js';
import { recordPathsById } from '../apply/records.js';
import type { Operation } from '../model/plan.js';
import { esc } from '../plan/render/markdown.js';

export type ApplyOutcome = 'applied' | 'partly' | 'failed' | 'nothing';

export interface ApplyReport {
  fleet: string;
  /** The shard's server, or undefined for the whole fleet. */
  server?: string;
  commit: string;
  results: readonly OperationResult[];
  held: readonly Operation[];
  /** Where the reviewed plan came from, for people. */
  reviewedFrom: string;
  /** The state branch commit on GitHub (links point into it); undefined when not pushed. */
  stateCommit?: string;
  branch: string;
  /** Why the state was not pushed, if it was not. */
  pushError?: string;
  links: { repo: string; run?: string };
}

/** Rows shown in a comment before the rest is left to the job summary. */
const MAX_ROWS = 200;
const MARK = { ok: '✅', 'rolled-back': '↩️', failed: '❌', skipped: '⏭️' } as const;

export function applyOutcome(results: readonly OperationResult[]): ApplyOutcome {
  if (results.length === 0) return 'nothing';
  const ok = results.filter((r) => r.status === 'ok').length;
  return ok === results.length ? 'applied' : ok === 0 ? 'failed' : 'partly';
}

const HEADLINE: Record<ApplyOutcome, string> = {
  applied: 'applied',
  partly: 'partly applied',
  failed: 'failed',
  nothing: 'nothing to apply',
};

/** The section's first and last lines: they find it again in a comment (one per shard). */
export function sectionMarkers(server: string | undefined): { start: string; end: string } {
  const key = server ?? '*';
  return { start: `<!-- tide:apply ${key} -->`, end: `<!-- /tide:apply ${key} -->` };
}

export function renderApplyReport(report: ApplyReport, maxRows = MAX_ROWS): string {
  const { start, end } = sectionMarkers(report.server);
  const count = (s: OperationResult['status']) => report.results.filter((r) => r.status === s).length;
  const outcome = applyOutcome(report.results);
  const where = report.server ? ` (server ${esc(report.server)})` : '';
  const state = report.stateCommit
    ? `state [\`${report.stateCommit.slice(0, 7)}\`](${report.links.repo}/tree/${report.stateCommit}) on \`${esc(report.branch)}\``
    : `state not pushed${report.pushError ? `: ${esc(firstLine(report.pushError))}` : ''}`;
  const facts = [
    `commit \`${report.commit.slice(0, 7)}\``,
    `${count('ok')} ok, ${count('failed') + count('rolled-back')} failed, ${count('skipped')} skipped`,
    state,
    ...(report.links.run ? [`[run](${report.links.run})`] : []),
  ];
  const lines = [start, `### tide apply${where}: ${HEADLINE[outcome]}`, '', facts.join(' · ')];
  if (report.held.length > 0) {
    lines.push('', `**Held back: ${report.held.length} destructive operation(s) not in the reviewed plan** (${esc(report.reviewedFrom)}). Review them in a pull request of their own, then merge it:`);
    for (const op of report.held) lines.push(`- ${esc(describe(op))}`);
  }
  if (report.results.length > 0) {
    // Failures first: in a long list they are what a reader looks for.
    const ordered = [...report.results].sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok'));
    lines.push('', '| Operation | Result | Record |', '| --- | --- | --- |');
    for (const r of ordered.slice(0, maxRows)) lines.push(`| ${esc(describe(r.op))} | ${resultCell(r)} | ${recordCell(r, report)} |`);
    if (ordered.length > maxRows) lines.push(`| … | ${ordered.length - maxRows} more (all ok), in the job summary | |`);
  }
  lines.push(end);
  return `${lines.join('\n')}\n`;
}

/** `body` with the report's section replaced (or added at the end). */
export function withSection(body: string, section: string, server: string | undefined): string {
  const { start, end } = sectionMarkers(server);
  const from = body.indexOf(start);
  const to = from < 0 ? -1 : body.indexOf(end, from);
  if (from >= 0 && to >= 0) return body.slice(0, from) + section.trimEnd() + body.slice(to + end.length);
  return `${body.trimEnd()}\n\n${section.trimEnd()}\n`;
}

function resultCell(r: OperationResult): string {
  const status = `${MARK[r.status]} ${r.status}`;
  return r.status === 'ok' ? status : `${status}: ${esc(firstLine(r.message ?? ''))}`;
}

function recordCell(r: OperationResult, report: ApplyReport): string {
  if (!r.recordId) return '';
  if (!report.stateCommit) return `\`${esc(r.recordId)}\``;
  const paths = recordPathsById(r.recordId);
  const at = `${report.links.repo}/blob/${report.stateCommit}`;
  return `[record](${at}/${paths.json}) · [log](${at}/${paths.log})`;
}

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
