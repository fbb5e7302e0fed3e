// platform deploy on one server: fetch the code into a staging directory
// (from the fleet repo as a tar stream, or from git on the server), build it
// there, then swap it in; the old copy is removed only after the swap.

import { shellQuote as q } from '../../transport/types.js';
import { platformSpec } from '../../state/spec.js';
import { STATE_FORMAT_VERSION, type RecordedPlatform } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { platformDir, platformPreviousDir, platformStagingDir } from '../paths.js';
import { commandTimeoutMs } from '../../shell/shell.js';
import type { OperationBuilder, OperationContext, Task } from '../types.js';
import { DIGEST_COMMAND } from './digest.js';
import { packSource } from './tar.js';
import { withPackages } from './packages.js';
import { driverFor } from '../../drivers/index.js';
import type { Package } from '../../state/types.js';

export const deployPlatform: OperationBuilder = (ctx) => {
  const platform = ctx.desired.platforms.get(ctx.op.target.name);
  if (!platform) throw new OperationPreconditionError(`Platform ${ctx.op.target.name} is not in the fleet.`);
  const dir = platformDir(ctx.server, platform.name);
  const staging = platformStagingDir(ctx.server, platform.name, ctx.operationId);
  const previous = platformPreviousDir(ctx.server, platform.name, ctx.operationId);
  const facts = { commit: undefined as string | undefined, digest: '' };
  const { shell } = ctx;
  const env = { TIDE_PLATFORM_NAME: platform.name, TIDE_PLATFORM_DIR: dir };

  const fetch: Task = {
    name: 'git' in platform.source ? `fetch ${platform.source.git} at ${platform.source.ref}` : `upload ${platform.source.path}`,
    run: () => fetchSource(ctx, staging, facts),
    undo: async () => void (await shell.run('removing the staging copy', `rm -rf ${q(staging)}`)),
  };
  const build: Task | null = platform.build ? {
    name: `build: ${platform.build}`,
    run: async () => void (await shell.run('the build command', platform.build!, { cwd: staging, env, timeoutMs: commandTimeoutMs() })),
  } : null;
  // Code is the web server's to read, never to write (uploads go to each site's files/).
  const readOnly: Task = {
    name: 'make the code readable, not writable, by the web server',
    run: async () => void (await shell.run('setting the code\'s permissions', `chmod -R u+rwX,go+rX,go-w ${q(staging)}`, { timeoutMs: commandTimeoutMs() })),
  };
  const digest: Task = {
    name: 'compute the code digest',
    run: async () => void (facts.digest = (await shell.run('computing the code digest', DIGEST_COMMAND, { cwd: staging })).stdout.trim()),
  };
  let packages: Package[] | null = null;
  const inventory: Task = {
    name: 'list the packages the code brings',
    run: async () => void (packages = await driverFor(platform.driver).platformPackages({ shell, platform, platformDir: staging })),
  };
  let swapped = false;
  const swap: Task = {
    name: `switch ${dir} to the new code`,
    async run() {
      await shell.run('switching to the new code',
        `if [ -e ${q(dir)} ]; then mv ${q(dir)} ${q(previous)}; fi && mv ${q(staging)} ${q(dir)}`);
      swapped = true;
    },
    async undo() {
      if (!swapped) return;
      await shell.run('switching back to the old code',
        `rm -rf ${q(dir)} && if [ -e ${q(previous)} ]; then mv ${q(previous)} ${q(dir)}; fi`);
    },
  };
  const cleanup: Task = {
    name: 'remove the previous code',
    run: async () => void (await shell.run('removing the previous code', `rm -rf ${q(previous)}`)),
  };

  return {
    tasks: [fetch, ...(build ? [build] : []), readOnly, digest, inventory, swap, cleanup],
    updates: () => [{
      kind: 'platform',
      name: platform.name,
      update: (current: RecordedPlatform | undefined): RecordedPlatform => ({
        ...current,
        formatVersion: STATE_FORMAT_VERSION,
        name: platform.name,
        ...platformSpec(platform, ctx.desired.sourceTrees?.get(platform.name)),
        deployments: {
          ...current?.deployments,
          [ctx.server.name]: { commit: facts.commit, deployedAt: ctx.now().toISOString(), digest: facts.digest, path: dir },
        },
        ...withPackages(packages),
        // This server's code is now what was recorded: its drift findings are settled.
        ...withoutDriftOn(current?.drift, ctx.server.name),
      }),
    }],
  };
};

async function fetchSource(ctx: OperationContext, staging: string, facts: { commit?: string }): Promise<void> {
  const { source } = ctx.desired.platforms.get(ctx.op.target.name)!;
  const prepare = () => ctx.shell.run('preparing the staging directory', `rm -rf ${q(staging)} && mkdir -p ${q(staging)}`);
  if ('git' in source) {
    await prepare();
    const result = await ctx.shell.run('fetching the platform from git',
      `cd ${q(staging)} && git init -q && git fetch -q --depth 1 ${q(source.git)} ${q(source.ref)} && git checkout -q FETCH_HEAD && git rev-parse HEAD && rm -rf .git`,
      { timeoutMs: commandTimeoutMs() });
    facts.commit = result.stdout.trim().split('\n').pop();
    return;
  }
  // Read and checked before the server is touched: a refused source changes nothing there.
  const tree = await ctx.readSource(source.path);
  try {
    await prepare();
    const files = tree.entries.filter((e) => e.type === 'file');
    const bytes = files.reduce((sum, e) => sum + e.size, 0);
    ctx.log.line(`sending ${files.length} files (${bytes} bytes), ${tree.entries.length - files.length} directories and symlinks from ${source.path}`);
    facts.commit = ctx.desired.commit ?? undefined;
    await ctx.shell.run('unpacking the platform source', `tar -xf - -C ${q(staging)} --no-same-owner`, {
      stdin: packSource(tree, source.path),
      timeoutMs: commandTimeoutMs(),
    });
  } finally {
    await tree.close();
  }
}

function withoutDriftOn(drift: string[] | undefined, server: string): { drift?: string[] } {
  const rest = (drift ?? []).filter((d) => !d.startsWith(`${server}: `));
  return { drift: rest.length > 0 ? rest : undefined };
}
