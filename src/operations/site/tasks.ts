// The tasks site operations are made of, each with its undo.

import { generatePassword } from '../../services/db/mariadb/index.js';
import { installVhost, removeVhost, restoreVhost } from '../../services/http/vhost.js';
import { settingsJson } from '../../drivers/facts.js';
import { shellQuote as q, type StdinFile } from '../../transport/types.js';
import { redactor } from '../../redact.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { writeFilesStep, type FileUpload } from '../../shell/steps.js';
import type { CreateStep } from '../../services/db/types.js';
import { commandTimeoutMs, type Shell } from '../../shell/shell.js';
import type { OperationContext, Task } from '../types.js';
import { checkStep, type FoldedTask } from '../fold.js';
import type { DriverContext } from '../../drivers/types.js';
import type { Package } from '../../state/types.js';
import { serverDirs } from '../paths.js';
import { MAINTENANCE_PAGE } from '../server/disabled-page.js';
import { newSiteDirCommand, sitePermissionsCommand } from './permissions.js';
import { recordedSite } from './desired.js';
import { renderSiteVhost, siteFacts, siteResources, type SiteResources, type VhostMode } from './resources.js';

/** Holds the site's database password between tasks; it never leaves memory and the server. */
export interface PasswordBox {
  value: string | null;
}

/** Exit status of the directory command when the site directory is already there. */
const DIR_EXISTS = 3;

export function createSiteDirTask(shell: Shell, r: SiteResources): FoldedTask {
  // Empty but for what this command makes: made with the model at once, no find needed.
  return newSiteDirTask(shell, r, `create site directory ${r.dir}`, () => newSiteDirCommand(r.dir, r.group, { viaSg: r.pool !== null }),
    { inline: true });
}

/**
 * `make` for newSiteDirTask: the directory made closed to everyone else
 * (`mkdir -m`: its parents, if any, get the usual mode, as with mkdir -p
 * alone), `fill` run in the shell to put its content in, then the site
 * permission model.
 */
export function filledSiteDir(r: SiteResources, fill: string): string {
  return `mkdir -p -m 0700 ${q(r.dir)} && ${fill} && ${sitePermissions(r)}`;
}

/**
 * Makes the site's directory with `make` (filledSiteDir, or one made empty
 * with the model at once), refusing one already there (tide never installs
 * or copies over files it did not make). All or nothing: a failure after it
 * was made removes it; the undo removes what was made.
 */
export function newSiteDirTask(
  shell: Shell, r: SiteResources, name: string, make: () => string | { command: string; files: StdinFile[] }, { inline = false } = {},
): FoldedTask {
  const d = q(r.dir);
  return {
    name,
    // `inline` (ShellStep): only with a `make` that leaves the shell as it found it.
    step: () => {
      const made = make();
      const { command, files } = typeof made === 'string' ? { command: made, files: [] } : made;
      return {
        inline,
        command: `if [ -e ${d} ]; then exit ${DIR_EXISTS}; fi; { ${command}; } || { s=$?; rm -rf ${d}; exit $s; }`,
        timeoutMs: commandTimeoutMs(),
        ...(files.length ? { files } : {}),
      };
    },
    check(result) {
      if (result.exitCode === DIR_EXISTS) {
        throw new OperationPreconditionError(`${r.dir} already exists on ${r.server.name}; tide will not put a site over it.`,
          'If it is left over from an earlier attempt, move it away (or delete it) and apply again.');
      }
      checkStep(r.server.name, name, result);
    },
    undo: async () => void (await shell.run('removing the site directory', `rm -rf ${d}`)),
  };
}

export function createDatabaseTask(shell: Shell, r: SiteResources, password: PasswordBox): FoldedTask | null {
  const { db } = r;
  if (!db) return null;
  let created: CreateStep | undefined;
  return {
    name: `create database ${db.name} and user ${db.user}`,
    async step() {
      password.value = generatePassword();
      created = await db.type.createStep(shell.transport, db.admin, { name: db.name, user: db.user, password: password.value });
      return created.step;
    },
    check: (result) => created!.check(result),
    undo: () => db.type.drop(shell.transport, db.admin, db),
  };
}

/** settings.json and the driver's own settings files (drupal: settings.php), with their modes. */
function settingsFiles(r: SiteResources, password: PasswordBox): FileUpload[] {
  const facts = siteFacts(r, password.value);
  return [
    { path: r.settingsPath, content: settingsJson(facts), mode: 0o640 },
    ...r.driver.siteFiles(facts).map((f) => ({ path: `${r.dir}/${f.name}`, content: f.content, mode: f.mode })),
  ];
}

/**
 * Writes the settings files of a site directory being made (or a copy being
 * prepared): no earlier file to keep. `fresh`: the directory was made empty
 * by the same command (an install; a copy holds the unpacked archive's files).
 */
export function writeNewSettingsTask(shell: Shell, r: SiteResources, password: PasswordBox, { fresh = false } = {}): FoldedTask {
  return {
    name: `write settings ${r.settingsPath}`,
    step: () => writeFilesStep(settingsFiles(r, password), { fresh }),
    undo: async () => void (await shell.run('removing the settings files', `rm -f ${settingsFiles(r, password).map((f) => q(f.path)).join(' ')}`)),
  };
}

/** Rewrites the settings files of an installed site; the undo puts back what they held. */
export function writeSettingsTask(shell: Shell, r: SiteResources, password: PasswordBox): Task {
  const previous = new Map<string, Buffer | null>();
  return {
    name: `write settings ${r.settingsPath}`,
    async run() {
      for (const file of settingsFiles(r, password)) {
        // The old bytes come back with the write: one round trip per file.
        previous.set(file.path, await shell.transport.replaceFile(file.path, file.content, file.mode));
      }
    },
    async undo() {
      for (const file of settingsFiles(r, password)) {
        const before = previous.get(file.path);
        if (before) await shell.transport.writeFile(file.path, before, file.mode);
        else await shell.run('removing a settings file', `rm -f ${q(file.path)}`);
      }
    },
  };
}

/** An installed site as recorded, and the task that reads its database password (its application's commands need it). */
export function installedSite(ctx: OperationContext) {
  const site = recordedSite(ctx);
  const r = siteResources(ctx, site.name, site);
  const password: PasswordBox = { value: null };
  return { site, r, password, readPassword: readPasswordTask(ctx.shell, r, password) };
}

/** Reads the password of an installed site from its settings file on the server. */
export function readPasswordTask(shell: Shell, r: SiteResources, password: PasswordBox): Task | null {
  if (!r.db) return null;
  return {
    name: `read database credentials from ${r.settingsPath}`,
    async run() {
      const raw = await shell.transport.readFile(r.settingsPath);
      const found = raw ? settingsPassword(raw.toString('utf8')) : undefined;
      if (typeof found !== 'string' || !found) {
        throw new OperationPreconditionError(`${r.settingsPath} on ${r.server.name} is missing, is not valid JSON or has no database password.`,
          'Restore the site from its latest backup, or put the settings file back.');
      }
      redactor.add(found);
      password.value = found;
    },
  };
}

/**
 * The password in a settings.json, or undefined. A parse error is not passed
 * on: JSON.parse quotes the text around the fault, and the password (not yet
 * registered with the redactor) may be in it.
 */
function settingsPassword(text: string): unknown {
  try {
    return (JSON.parse(text) as { db?: { password?: unknown } } | null)?.db?.password;
  } catch {
    return undefined;
  }
}

export function runInstallerTask(shell: Shell, r: SiteResources, password: PasswordBox): Task {
  return {
    name: `run the ${r.platform.driver} installer`,
    run: () => r.driver.install(driverContext(shell, r, password)),
  };
}

/** Database updates with the platform's code (after a migrate, restore or clone). */
export function runUpdateTask(shell: Shell, r: SiteResources, password: PasswordBox): Task {
  return {
    name: `run the ${r.platform.driver} database updates of ${r.platform.name}`,
    run: () => r.driver.update(driverContext(shell, r, password)),
  };
}

/** Asks the application which packages the site uses (for migrate's compatibility check). */
export function listPackagesTask(shell: Shell, r: SiteResources, password: PasswordBox, found: (packages: Package[] | null) => void): Task {
  return {
    name: `list the site's packages`,
    run: async () => found(await r.driver.sitePackages(driverContext(shell, r, password))),
  };
}

export function driverContext(shell: Shell, r: SiteResources, password: PasswordBox): DriverContext {
  return { shell, platform: r.platform, platformDir: r.platformDir, facts: siteFacts(r, password.value) };
}

const VHOST_TASK_NAMES: Record<VhostMode, string> = {
  live: 'write vhost',
  disabled: 'write the "site disabled" vhost',
  maintenance: 'serve the maintenance page from vhost',
};

/** A vhost change is done when the web server answers with it (served.ts). */
const SERVED = { waitServed: true } as const;

/**
 * `lastCommand`: nothing of the operation's own runs after the vhost (an
 * install, enable, disable): it waits for its server's reload batch without
 * its executor slot, so the batch can gather the vhosts of the operations
 * started in its place (services/http/reload-group.ts).
 */
export function writeVhostTask(shell: Shell, r: SiteResources, mode: VhostMode, { lastCommand = false } = {}): Task | null {
  if (!r.http) return null;
  const http = r.server.services.http;
  const path = r.http.path;
  const options = { ...SERVED, park: lastCommand };
  let previous: Buffer | null = null;
  return {
    name: `${VHOST_TASK_NAMES[mode]} ${path}`,
    async run() {
      if (r.driver.usesPhp && !r.pool && !http.fastcgi) {
        throw new OperationPreconditionError(`Server ${r.server.name} has no php-fpm address (services.http.fastcgi) for ${r.platform.driver} sites.`,
          'Set services.http.fastcgi on the Server, e.g. unix:/run/php/php8.2-fpm.sock.');
      }
      if (mode === 'maintenance') await shell.transport.writeFile(`${serverDirs(r.server).maintenance}/index.html`, MAINTENANCE_PAGE, 0o644);
      ({ previous } = await installVhost(shell.transport, http, path, renderSiteVhost(r, mode), options));
    },
    undo: () => restoreVhost(shell.transport, http, path, previous, options),
  };
}

export function removeVhostTask(shell: Shell, r: SiteResources): Task | null {
  if (!r.http) return null;
  const http = r.server.services.http;
  const path = r.http.path;
  let previous: Buffer | null = null;
  return {
    name: `remove vhost ${path}`,
    async run() {
      ({ previous } = await removeVhost(shell.transport, http, path, SERVED));
    },
    async undo() {
      if (previous) await restoreVhost(shell.transport, http, path, previous, SERVED);
    },
  };
}

/** Gives the site's files the group and modes of the permission model again (verify's "fix permissions"). */
export function fixPermissionsTask(shell: Shell, r: SiteResources): Task {
  return {
    name: `fix ownership and permissions of ${r.dir}`,
    run: async () => void (await shell.run('fixing ownership and permissions', sitePermissions(r),
      { timeoutMs: commandTimeoutMs() })),
  };
}

/** The permission command for the site's directory (`r.dir`, a staging copy included) with its group. */
export function sitePermissions(r: SiteResources): string {
  return sitePermissionsCommand(r.dir, r.group, { viaSg: r.pool !== null });
}

export function compact<T>(items: (T | null)[]): T[] {
  return items.filter((t): t is T => t !== null);
}
