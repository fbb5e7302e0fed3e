// The plan for a terminal: one line per operation, details indented under it,
// orphans, then a summary sentence. ANSI colour only when asked for.

import { alreadyEscaped, escapeControls } from '../../terminal.js';
import type { Operation, Orphan, Plan } from '../../model/plan.js';
import { describeTarget, formatValue, opSymbol, summarySentence, type OpSymbol } from './labels.js';

const SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;
type Style = keyof typeof SGR;
type Paint = (text: string, ...styles: Style[]) => string;

const SYMBOL_STYLE: Record<OpSymbol, Style[]> = {
  '+': ['green'],
  '~': ['yellow'],
  '-': ['red'],
  '!': ['bold', 'red'],
};

const DETAIL = '      ';

/**
 * Control characters in user-supplied strings (names, reasons, values) are
 * shown escaped, newlines included, so a value cannot move the cursor,
 * recolour the terminal or fake extra plan lines.
 */
const clean = (text: string): string => escapeControls(text);

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    styles.length === 0 ? text : `\x1b[${styles.map((s) => SGR[s]).join(';')}m${text}\x1b[0m`;
}

function where(target: Operation['target'], server: string | null): string {
  const t = describeTarget(target, server);
  return `${t.kind} ${clean(t.name)}${t.on === null ? '' : ` on ${clean(t.on)}`}`;
}

function operationLines(op: Operation, paint: Paint): string[] {
  const symbol = opSymbol(op);
  const reason = op.reason === '' ? '' : `  ${paint(`(${clean(op.reason)})`, 'dim')}`;
  const lines = [
    `  ${paint(`${symbol} ${op.action}`, ...SYMBOL_STYLE[symbol])} ${where(op.target, op.server)}${reason}`,
  ];
  for (const b of op.blockers) {
    lines.push(`${DETAIL}${paint('blocked:', 'bold', 'red')} ${clean(b.message)}`);
  }
  for (const r of op.removes ?? []) {
    lines.push(`${DETAIL}${paint('removes', 'red')} ${r.what} ${clean(r.name)}${r.server === op.server ? '' : ` on ${clean(r.server)}`}`);
  }
  // A new site is one line (its headline names platform and server; all its
  // fields are in the markdown and JSON plans), so thousands of installs read.
  if (op.action !== 'install' && op.action !== 'clone') {
    // Something new has no "before": show its values, not a column of "(none) →".
    const isNew = op.changes.every((c) => c.from === null);
    for (const c of op.changes) {
      const value = isNew ? clean(formatValue(c.to)) : `${clean(formatValue(c.from))} → ${clean(formatValue(c.to))}`;
      lines.push(`${DETAIL}${paint(`${clean(c.field)}: ${value}`, 'dim')}`);
    }
  }
  for (const w of op.warnings) {
    lines.push(`${DETAIL}${paint('warning:', 'yellow')} ${clean(w)}`);
  }
  return lines;
}

function orphanLine(orphan: Orphan, paint: Paint): string {
  return `  ${paint('?', 'dim')} ${where(orphan.target, orphan.server)}: ${paint(clean(orphan.reason), 'dim')}`;
}

export function renderText(plan: Plan, options: { color: boolean }): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  for (const op of plan.operations) lines.push(...operationLines(op, paint));
  if (plan.orphans.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Orphans (left alone):');
    for (const orphan of plan.orphans) lines.push(orphanLine(orphan, paint));
  }
  if (lines.length > 0) lines.push('');
  lines.push(paint(summarySentence(plan), 'bold'));
  const text = `${lines.join('\n')}\n`;
  // Every quoted value is escaped above: the colour codes are tide's own.
  return options.color ? alreadyEscaped(text) : text;
}

/**
 * Colour on a TTY unless NO_COLOR is set to a non-empty value (no-color.org)
 * or TERM is "dumb". FORCE_COLOR overrides both ways, as in Node itself:
 * "0" or "false" forces colour off, any other value (even empty) forces it on.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
