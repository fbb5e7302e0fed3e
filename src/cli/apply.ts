import { createInterface } from 'node:readline/promises';
import { TideError } from '../errors.js';
import { renderText, shouldUseColor } from '../plan/render/text.js';
import { parseCommandArgs } from './args.js';
import { EXIT_ERROR, EXIT_OK, type Command, type CommandIO } from './command.js';
import { rawStream } from '../terminal.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Carry out the plan on the servers and record it on the state branch',
  help: `Usage: tide apply [--repo DIR] [--ref REF] [--yes] [--plan FILE] [--reviewed-plan FILE] [--target KIND/NAME]... [--server NAME]... [--push]

Applies what is committed: the fleet files and platform sources in the work
tree must match its HEAD commit (none changed, deleted, or left out of git),
and that commit is recorded with every operation. Run anywhere in the repository:
tide finds its root as git does.

Plans, shows the plan, asks for confirmation, then runs the operations in
dependency order (fleet concurrency limits), each over one SSH connection per
server. Every operation is committed to the state branch as 'running' before
it touches a server and again when it ends, with its redacted log. A failed
operation is undone and fails only the operations that depend on it.

Options:
  --repo DIR           fleet repository (default: the current directory)
  --ref REF            read the fleet from a commit, branch or tag instead of the work tree
  --yes, -y            do not ask for confirmation (needed when stdin is not a terminal)
  --plan FILE          apply only if planning now gives the plan saved in FILE
                       (tide plan --out FILE); refuse a stale one
  --reviewed-plan FILE the plan reviewers were shown (tide plan --json, e.g. on the
                       pull request): a destructive operation (delete, migrate)
                       it did not show is held back and reported, and the run
                       exits 1; the other operations run. Operations are matched
                       by what they do, so unrelated changes since do not matter
  --target KIND/NAME   only these targets (and what they depend on), e.g. site/blog.example.com
  --server NAME        only operations on these servers
  --push               fetch the state branch from origin first, push it after; with
                       --server (a shard), a push that lost the race to another
                       shard replays this run's state commits onto the new tip
                       and pushes again (never forced; a real conflict stops)
  --allow-dirty        apply a work tree with uncommitted fleet changes (refused
                       otherwise); the records and commit messages say so
  --no-color           never colour the plan

Exit status: 0 when every operation succeeded (or there was nothing to do); 1 when
any failed, on error, or when the apply was cancelled at the prompt.
`,
  async run(args, io) {
    const { values } = parseCommandArgs('apply', args, {
      repo: { type: 'string' },
      ref: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      plan: { type: 'string' },
      'reviewed-plan': { type: 'string' },
      target: { type: 'string', multiple: true },
      server: { type: 'string', multiple: true },
      push: { type: 'boolean' },
      'allow-dirty': { type: 'boolean' },
      'no-color': { type: 'boolean' },
    });
    const interactive = Boolean(process.stdin.isTTY && io.stdout.isTTY);
    if (!values.yes && !interactive) {
      throw new TideError('CONFIRMATION_NEEDED', 'tide apply: not on a terminal, so it cannot ask for confirmation; nothing was applied.', {
        hint: 'Review the plan (tide plan) and run tide apply --yes, or apply a reviewed plan with --plan FILE --yes.',
      });
    }
    // Loaded here, not at start-up: ssh2, execa and handlebars cost ~250 ms that plan never needs.
    const [{ applyWithRemote }, { endLine, startLine, summary }, { readReviewedPlan }] = await Promise.all([
      import('../apply/with-remote.js'), import('../apply/progress.js'), import('../apply/plan-file.js'),
    ]);
    const color = !values['no-color'] && shouldUseColor(io.stdout, io.env);
    const stop = stopOnSignals(io);
    // Read before anything is locked or run: a bad file changes nothing.
    const reviewed = values['reviewed-plan'] === undefined ? undefined : readReviewedPlan(values['reviewed-plan']);
    const result = await applyWithRemote({
      signal: stop.signal,
      repo: values.repo, ref: values.ref, cwd: io.cwd, env: io.env, planFile: values.plan, reviewed, allowDirty: values['allow-dirty'],
      filter: { targets: values.target ?? [], servers: values.server ?? [] },
      confirm: async (plan, operations) => {
        if (operations.length === 0) return true;
        io.stdout.write(renderText({ ...plan, operations }, { color }));
        if (values.yes) return true;
        return ask(io, `\nApply these ${operations.length} operations? Only 'yes' is accepted: `);
      },
      onInterrupted: (records) => {
        io.stdout.write(`Found ${records.length} operation(s) left unfinished by an earlier run (marked interrupted); recovering their targets before planning:\n`);
        for (const r of records) io.stdout.write(`  ! ${r.action} ${r.target.kind} ${r.target.name} (${r.id})\n`);
      },
      onStart: (op) => io.stdout.write(startLine(op)),
      onEnd: (r) => io.stdout.write(endLine(r)),
      push: values.push ? {
        onRebased: ({ branch, attempt, replayed, tip }) => {
          io.stdout.write(`origin/${branch} moved (another shard pushed): replayed ${replayed} state commit(s) on top of it (now ${tip.slice(0, 7)}), pushing again (attempt ${attempt + 1}).\n`);
        },
      } : undefined,
    }).finally(stop.dispose);
    if (!result.confirmed) {
      io.stderr.write(result.recovered.length ? 'tide: apply cancelled; only the recovery above ran.\n' : 'tide: apply cancelled; nothing was changed.\n');
      return EXIT_ERROR;
    }
    io.stdout.write(summary(result.results, result.pushed ?? result.stateCommit, result.branch));
    if (result.held.length > 0) {
      io.stderr.write(`tide: held back ${result.held.length} destructive operation(s) not in the reviewed plan (${values['reviewed-plan']}):\n`);
      for (const op of result.held) io.stderr.write(`  - ${op.id}\n`);
      io.stderr.write('Review them in a pull request of their own (or plan again and review that), then apply.\n');
    }
    if (result.pushError) throw result.pushError;
    if (result.pushed) io.stdout.write(`Pushed ${result.branch} to origin.\n`);
    return result.results.every((r) => r.status === 'ok') ? EXIT_OK : EXIT_ERROR;
  },
};

/**
 * Ctrl-C (or SIGTERM from CI) stops starting operations and lets the running
 * ones finish and be recorded, so nothing is left half-done; a second one
 * quits at once (the next apply then marks those operations interrupted).
 */
function stopOnSignals(io: CommandIO): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      io.stderr.write(`tide: ${name} again: quitting now; operations still running stay 'running' until the next apply checks them.\n`);
      process.exit(130);
    }
    io.stderr.write(`tide: ${name}: no new operations will start; waiting for the running ones to finish and be recorded (again to quit now).\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

async function ask(io: CommandIO, question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: rawStream(io.stdout) });
  try {
    return await new Promise<boolean>((resolve) => {
      // Ctrl-C or end of input at the prompt is a no.
      rl.on('SIGINT', () => resolve(false));
      rl.on('close', () => resolve(false));
      rl.question(question).then((answer) => resolve(answer.trim() === 'yes'), () => resolve(false));
    });
  } finally {
    rl.close();
  }
}
