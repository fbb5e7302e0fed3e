import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasChanges, plan as makePlan } from '../plan/planner.js';
import { renderJson } from '../plan/render/json.js';
import { renderMarkdown } from '../plan/render/markdown.js';
import { renderText, shouldUseColor } from '../plan/render/text.js';
import { TideError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { EXIT_CHANGES, EXIT_OK, type Command } from './command.js';
import { loadFleetContext } from '../fleet/context.js';

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
    const context = await loadFleetContext(values.repo, values.ref, io.cwd);
    const result = makePlan(context.desired, context.recorded);
    if (values.out) await writeFile(resolve(io.cwd, values.out), renderJson(result));
    const color = !values['no-color'] && shouldUseColor(io.stdout, io.env);
    io.stdout.write(values.json ? renderJson(result) : values.markdown ? renderMarkdown(result) : renderText(result, { color }));
    return values['detailed-exitcode'] && hasChanges(result) ? EXIT_CHANGES : EXIT_OK;
  },
};
