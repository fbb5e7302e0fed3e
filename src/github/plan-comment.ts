// What a planned pull request shows: the comment (marker + the plan's
// markdown, kept under GitHub's size limit), the job summary (the plan in
// full) and the `tide/plan` status line. A fleet that cannot be planned shows
// its errors with file:line instead, and fails the status.

import { formatDiagnostic, FleetInvalidError, type TideError } from '../errors.js';
import { code, esc, renderMarkdown } from '../plan/render/markdown.js';
import { countPlan, summarySentence } from '../plan/render/labels.js';
import { removesData, reviewKey } from '../plan/reviewed.js';
import type { Plan } from '../model/plan.js';
import { formatMarker, type PlanMarker } from './marker.js';
import { clip, type StatusState } from './status.js';

/** GitHub refuses a comment body longer than this. */
export const COMMENT_LIMIT = 65_536;
/** The job summary of one step may hold 1 MiB; leave room for other steps' lines. */
export const SUMMARY_LIMIT = 1_000_000;
/** Room the marker may take before destructive ids are left out of it (they are all in the comment's text anyway). */
const MARKER_BUDGET = 16_000;

export const STATUS_CONTEXT = 'tide/plan';

export interface Commits {
  planned: string;
  head: string | null;
  base: string | null;
}

/** The outcome of planning a commit: a plan, or the errors that stopped it. */
export type PlanOutcome = { kind: 'planned'; plan: Plan } | { kind: 'invalid'; fleet: string; error: TideError };

export function markerFor(outcome: PlanOutcome, commits: Commits): PlanMarker {
  if (outcome.kind === 'invalid') return { fleet: outcome.fleet, hash: null, commits, destructive: [] };
  // Review keys (id + identity digest): apply on merge matches what it is about to destroy against them.
  const destructive = outcome.plan.operations.filter(removesData).map(reviewKey);
  const marker: PlanMarker = { fleet: outcome.plan.fleet, hash: outcome.plan.hash, commits, destructive };
  if (formatMarker(marker).length > MARKER_BUDGET) return { ...marker, destructive: [], destructiveOmitted: true };
  return marker;
}

/** The sticky comment's body: marker line, then the markdown, within GitHub's limit. */
export function commentBody(outcome: PlanOutcome, commits: Commits, note?: string): string {
  const marker = formatMarker(markerFor(outcome, commits));
  const prefix = `${marker}\n${note === undefined ? '' : `${note}\n\n`}`;
  return prefix + renderOutcome(outcome, COMMENT_LIMIT - prefix.length - 64, 'the job summary of the plan run');
}

/** The job summary: the plan in full (or as much as a summary may hold). */
export function summaryMarkdown(outcome: PlanOutcome): string {
  return renderOutcome(outcome, SUMMARY_LIMIT, 'the JSON plan (plan-file output)');
}

function renderOutcome(outcome: PlanOutcome, maxLength: number, fullPlanAt: string): string {
  return outcome.kind === 'planned' ? renderMarkdown(outcome.plan, { maxLength, fullPlanAt }) : renderInvalid(outcome.fleet, outcome.error);
}

/** The errors that stopped planning, each with its file:line:column. */
function renderInvalid(fleet: string, error: TideError): string {
  const lines = [`### tide plan for ${esc(fleet)}: not planned`, `**${esc(error.message)}**`];
  if (error instanceof FleetInvalidError) {
    const shown = error.diagnostics.slice(0, 500);
    const rows = shown.map((d) => `| ${code(`${d.file}:${d.line}:${d.column}`)} | ${esc(d.message)} |`);
    if (error.diagnostics.length > shown.length) rows.push(`| … | ${error.diagnostics.length - shown.length} more |`);
    lines.push(['| Where | Problem |', '| --- | --- |', ...rows].join('\n'));
  }
  if (error.hint) lines.push(`_${esc(error.hint)}_`);
  return `${lines.join('\n\n')}\n`;
}

/** The `tide/plan` status: "3 to install, 1 blocked", failing when something is blocked or the fleet is invalid. */
export function statusFor(outcome: PlanOutcome): { state: StatusState; description: string } {
  if (outcome.kind === 'invalid') {
    const what =
      outcome.error instanceof FleetInvalidError ? outcome.error.diagnostics.map(formatDiagnostic)[0] ?? outcome.error.message : outcome.error.message;
    const count = outcome.error instanceof FleetInvalidError ? `${outcome.error.diagnostics.length} error${outcome.error.diagnostics.length === 1 ? '' : 's'}` : 'error';
    return { state: 'failure', description: clip(`Invalid (${count}): ${what}`, 140) };
  }
  const sentence = summarySentence(outcome.plan).replace(/^Plan: /, '').replace(/\.$/, '');
  return { state: countPlan(outcome.plan).blocked > 0 ? 'failure' : 'success', description: clip(sentence, 140) };
}
