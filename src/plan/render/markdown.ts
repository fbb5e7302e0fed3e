// The plan as a GitHub pull request comment. Every user-supplied string goes
// through `esc`, so names, reasons and values cannot break a table, open a
// code span or inject HTML. Very large plans fall back to one line per
// operation so the comment stays under GitHub's 65536-character limit.

import { removesData } from '../reviewed.js';
import type { Operation, Orphan, Plan } from '../../model/plan.js';
import { countPlan, describeTarget, formatValue, isBlocked, opSymbol, plural, summarySentence } from './labels.js';

const DEFAULT_MAX_LENGTH = 60_000;

/**
 * Text safe both in markdown (inline and table cells) and in raw HTML blocks:
 * HTML and markdown punctuation become numeric character references, which
 * GitHub shows as the characters themselves without interpreting them.
 */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[&<>"'`|\\*_~[\]$]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A value shown as code. `<code>` rather than backticks: a code span cannot hold an escaped `\|`. */
export const code = (text: string): string => `<code>${esc(text)}</code>`;

const valueCell = (value: unknown): string =>
  value === undefined || value === null ? '<i>(none)</i>' : code(formatValue(value));

function where(target: Operation['target'], server: string | null): string {
  const t = describeTarget(target, server);
  return `${t.kind} <b>${esc(t.name)}</b>${t.on === null ? '' : ` on ${esc(t.on)}`}`;
}

const title = (op: Operation): string => `<code>${opSymbol(op)} ${op.action}</code> ${where(op.target, op.server)}`;
const blockerText = (op: Operation): string => op.blockers.map((b) => esc(b.message)).join('; ');
const oneLine = (op: Operation): string =>
  `- ${title(op)}${op.reason === '' ? '' : ` — ${esc(op.reason)}`}`;
const blockedLine = (op: Operation): string => `> - ${title(op)}: ${blockerText(op)}`;
const orphanLine = (o: Orphan): string => `- ${where(o.target, o.server)}: ${esc(o.reason)}`;

function countTable(plan: Plan): string {
  const counts = countPlan(plan);
  const rows = counts.byAction.map(([action, n]) => `| ${action} | ${n} |`);
  if (counts.blocked > 0) rows.push(`| blocked | ${counts.blocked} |`);
  if (counts.orphans > 0) rows.push(`| orphans (left alone) | ${counts.orphans} |`);
  return ['| Action | Count |', '| --- | ---: |', ...rows].join('\n');
}

function callout(blockedLines: string[], total: number): string {
  const lead = `> ${plural(total, 'operation is', 'operations are')} blocked and will be skipped, with anything that depends on ${total === 1 ? 'it' : 'them'}:`;
  return ['> [!WARNING]', lead, ...blockedLines].join('\n');
}

function details(op: Operation): string {
  const parts = [`<details><summary>${title(op)}</summary>`];
  if (op.reason !== '') parts.push(esc(op.reason));
  if (op.changes.length > 0) {
    const rows = op.changes.map((c) => `| ${code(c.field)} | ${valueCell(c.from)} | ${valueCell(c.to)} |`);
    parts.push(['| Field | From | To |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  if (op.dependsOn.length > 0) parts.push(`**Depends on:** ${op.dependsOn.map(code).join(', ')}`);
  if (op.destructive) parts.push('**Destructive:** removes or overwrites data; a backup is taken first.');
  if (op.removes?.length) {
    parts.push(['**Removes:**', ...op.removes.map((r) => `- ${r.what} ${code(r.name)} on ${esc(r.server)}`)].join('\n'));
  }
  if (op.blockers.length > 0) {
    parts.push(['**Blocked:**', ...op.blockers.map((b) => `- ${code(b.code)} ${esc(b.message)}`)].join('\n'));
  }
  if (op.warnings.length > 0) {
    parts.push(['**Warnings:**', ...op.warnings.map((w) => `- ${esc(w)}`)].join('\n'));
  }
  parts.push('</details>');
  return parts.join('\n\n');
}

function footer(plan: Plan): string {
  const desired = plan.desired.commit === null ? 'working tree' : code(plan.desired.commit.slice(0, 7));
  const state = plan.state.commit === null ? 'none yet' : code(plan.state.commit.slice(0, 7));
  return `<sub>plan ${code(plan.hash.slice(0, 12))} · desired ${desired} · state ${state}</sub>`;
}

/** Up to `budget` characters of `lines` (newline-joined); the rest summed up by `more(n)`. */
function fit(lines: string[], budget: number, more: (n: number) => string): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1;
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (used + line.length + 1 + reserve > budget) return [...out, more(lines.length - i)];
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

const join = (sections: string[]): string => `${sections.join('\n\n')}\n`;

export interface MarkdownOptions {
  /** The longest result (default 60,000; GitHub refuses comments over 65,536 characters). */
  maxLength?: number;
  /** Where the full plan can be read when this one is cut, e.g. "the job summary". */
  fullPlanAt?: string;
}

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const fullPlanAt = options.fullPlanAt ?? 'the job summary / JSON plan';
  const head = [`### tide plan for ${esc(plan.fleet)}`, `**${summarySentence(plan)}**`];
  if (plan.operations.length === 0 && plan.orphans.length === 0) return join([...head, footer(plan)]);
  head.push(countTable(plan));
  const blocked = plan.operations.filter(isBlocked);

  const full = [...head];
  if (blocked.length > 0) full.push(callout(blocked.map(blockedLine), blocked.length));
  full.push(...plan.operations.map(details));
  if (plan.orphans.length > 0) full.push(`#### Orphans (left alone)\n\n${plan.orphans.map(orphanLine).join('\n')}`);
  full.push(footer(plan));
  const rendered = join(full);
  if (rendered.length <= maxLength) return rendered;

  // Compact: the same head, blocked ops, then one line per operation and
  // orphan. Destructive operations are what a reviewer must not miss: each
  // is listed before any other operation takes room.
  const note = '_This plan is too large to show in full here: one line per operation._';
  const opsHeading = '#### Operations';
  const destructiveHeading = '#### Destructive operations';
  const orphansHeading = '#### Orphans (left alone)';
  const fixed = join([...head, footer(plan), note, opsHeading, destructiveHeading, orphansHeading]).length + 32;
  let budget = maxLength - fixed;
  const compact = [...head];
  if (blocked.length > 0) {
    const lines = fit(blocked.map(blockedLine), Math.floor(budget / 2), (n) => `> - … and ${n} more blocked (see ${fullPlanAt})`);
    compact.push(callout(lines, blocked.length));
    budget -= lines.join('\n').length + 300;
  }
  compact.push(note);
  // Orphans are few and change nothing: a small share, set aside first.
  const orphanLines = fit(plan.orphans.map(orphanLine), Math.floor(budget / 8), (n) => `- … and ${plural(n, 'more orphan')}`);
  budget -= orphanLines.join('\n').length;
  const destructive = plan.operations.filter((op) => removesData(op) && !isBlocked(op));
  if (destructive.length > 0) {
    const lines = fit(destructive.map(oneLine), budget, (n) => `- … and ${n} more destructive ${n === 1 ? 'operation' : 'operations'} (see ${fullPlanAt})`);
    compact.push(`${destructiveHeading}\n\n${lines.join('\n')}`);
    budget -= lines.join('\n').length + destructiveHeading.length + 2;
  }
  const shownAbove = new Set(destructive);
  const others = plan.operations.filter((op) => !shownAbove.has(op));
  const more = (n: number): string => `- … and ${n} more ${n === 1 ? 'operation' : 'operations'} (see ${fullPlanAt})`;
  if (others.length > 0) {
    const heading = destructive.length > 0 ? '#### Other operations' : opsHeading;
    compact.push(`${heading}\n\n${fit(others.map(oneLine), budget, more).join('\n')}`);
  }
  if (orphanLines.length > 0) compact.push(`${orphansHeading}\n\n${orphanLines.join('\n')}`);
  compact.push(footer(plan));
  return join(compact);
}
