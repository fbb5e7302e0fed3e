import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TideError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { EXIT_CHANGES, EXIT_OK, type Command, type CommandIO } from './command.js';
import { fleetRoot } from '../fleet/root.js';
import { madePlan, PlanCache, type PlanJson } from '../plan/plan-cache.js';
import type { Plan } from '../model/plan.js';
import { readFleetSource } from '../repo/fleet-source.js';
import { encodeJson, rawStream } from '../terminal.js';

/**
 * The plan as JSON, from the plan cache when the work tree, its platform
 * code and the state branch are those it was made from. Every rendering
 * starts from this JSON, so output is the same whether it was cached or not.
 * The loader, the planner and the renderers are loaded only when needed: a
 * cached plan costs reading files, not loading code.
 */
async function planJson(repo: string | undefined, ref: string | undefined, cwd: string): Promise<PlanJson> {
  const repoDir = fleetRoot(cwd, repo);
  const cache = ref === undefined ? PlanCache.open(repoDir) : undefined;
  // With no cached plan to check, one will be made: its code loads while git lists the files.
  const early = cache?.isEmpty === false ? undefined : planningCode();
  const { plan, listing } = (await cache?.lookup()) ?? {};
  if (plan) return plan;
  // A miss: the plan is made from the listing the cache was checked against, when there is one.
  const source = await readFleetSource(repoDir, ref, listing);
  const [{ loadFleetContextFrom }, { hasChanges, plan: makePlan }, { renderJson }] = await (early ?? planningCode());
  const context = await loadFleetContextFrom(repoDir, source, ref);
  const result = makePlan(context.desired, context.recorded);
  const { bytes, printsAsIs } = encodeJson(renderJson(result));
  const made = madePlan(bytes, hasChanges(result), printsAsIs);
  cache?.store(source, context.desired, context.recorded, made);
  return made;
}

/** The modules that make a plan, loaded. */
function planningCode() {
  return Promise.all([import('../fleet/context.js'), import('../plan/planner.js'), import('../plan/render/json.js')]);
}

/**
 * The plan's bytes to `out`: straight to its file descriptor when it has
 * one and nothing waits in it (process.stdout), which writes a cached plan
 * through one buffer; else, or from where the descriptor would block, as
 * writes to the stream.
 */
function printAsIs(plan: PlanJson, out: NodeJS.WritableStream): void {
  const fd = (out as { fd?: unknown }).fd;
  const sent = typeof fd === 'number' && (out as { writableLength?: number }).writableLength === 0 ? plan.writeTo(fd) : 0;
  plan.copy((piece) => out.write(piece), sent);
}

/** The plan for a reader: markdown for a pull request, else text (coloured on a terminal unless `noColor`). */
async function renderForReader(json: string, markdown: boolean, noColor: boolean, io: CommandIO): Promise<string> {
  const plan = JSON.parse(json) as Plan;
  if (markdown) return (await import('../plan/render/markdown.js')).renderMarkdown(plan);
  const { renderText, shouldUseColor } = await import('../plan/render/text.js');
  return renderText(plan, { color: !noColor && shouldUseColor(io.stdout, io.env) });
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what apply would do, and why',
  help: `Usage: tide plan [--repo DIR] [--ref REF] [--json | --markdown] [--out FILE] [--detailed-exitcode]

Compares the fleet repository (desired state) with the state branch (what tide
last applied) and lists the operations that would reconcile them, in the order
they would run. Nothing is changed anywhere.

Options:
  --repo DIR            fleet repository (default: the current directory)
  --ref REF             read the fleet from a commit, branch or tag instead of the work tree
  --json                print the plan as JSON (schemas/plan.schema.json)
  --markdown            print the plan as markdown, for a pull request comment
  --out FILE            also save the JSON plan to FILE (for 'tide apply --plan FILE')
  --detailed-exitcode   exit 0 when there are no changes, 2 when there are, 1 on error
  --no-color            never colour the text output (NO_COLOR is honoured too)
`,
  async run(args, io) {
    const { values } = parseCommandArgs('plan', args, {
      repo: { type: 'string' },
      ref: { type: 'string' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      out: { type: 'string' },
      'detailed-exitcode': { type: 'boolean' },
      'no-color': { type: 'boolean' },
    });
    if (values.json && values.markdown) {
      throw new TideError('USAGE', 'tide plan: choose one of --json and --markdown.');
    }
    const plan = await planJson(values.repo, values.ref, io.cwd);
    try {
      if (values.out) await writeFile(resolve(io.cwd, values.out), plan.bytes());
      const text = (): string => plan.bytes().toString('utf8');
      // A plan with nothing to escape (the usual case) goes out as it is, without being decoded.
      if (values.json && plan.printsAsIs) printAsIs(plan, rawStream(io.stdout));
      else if (values.json) io.stdout.write(text());
      else io.stdout.write(await renderForReader(text(), values.markdown === true, values['no-color'] === true, io));
    } finally {
      plan.close();
    }
    return values['detailed-exitcode'] && plan.changes ? EXIT_CHANGES : EXIT_OK;
  },
};
