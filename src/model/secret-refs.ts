// Where the fleet names secrets, and the rule that no command names one.
// Passwords never go in arguments (DESIGN.md): a command line is visible to
// every user of its server (ps, /proc), so a command template may not name
// the site's database password (it reaches commands in their environment as
// TIDE_DB_PASSWORD, and in settings.json) nor any credential of the fleet
// (env:NAME, file:PATH), which reaches no command at all.

import type { DiagnosticCollector, Place } from './diagnostics.js';
import type { DesiredState, KindName } from './kinds.js';
import type { Origins } from './references.js';
import type { PathSegment } from './yaml-positions.js';

/** Every secret reference in the fleet: each server's SSH identity and database admin password. */
export function secretRefs(desired: DesiredState): string[] {
  const refs = new Set<string>();
  for (const server of desired.servers.values()) {
    if (server.identity) refs.add(server.identity);
    if (server.services.db.adminPassword) refs.add(server.services.db.adminPassword);
  }
  return [...refs];
}

interface Command {
  kind: KindName;
  name: string;
  path: PathSegment[];
  text: string;
}

/** A way a command can name a secret: `find` returns what it quotes of the command. */
interface Naming {
  find(command: string): string | undefined;
  what: string;
  why: string;
}

export function checkCommandSecrets(desired: DesiredState, origins: Origins, problems: DiagnosticCollector): void {
  const namings = secretNamings(desired);
  for (const command of commandTemplates(desired)) {
    const naming = namings.find((n) => n.find(command.text) !== undefined);
    if (!naming) continue;
    const place: Place = { ...origins[command.kind].get(command.name)!, path: command.path };
    problems.at(place, 'SECRET_IN_COMMAND',
      `${command.kind} ${command.name}: ${command.path.join('.')} names ${naming.what} (${shorten(naming.find(command.text)!)}); ${naming.why}`);
  }
}

function secretNamings(desired: DesiredState): Naming[] {
  const password = {
    what: "the site's database password",
    why: 'a command line is visible to every user of the server, so the password reaches commands only in their environment: '
      + 'the command reads TIDE_DB_PASSWORD (or settings.json) itself',
  };
  const namings: Naming[] = [
    // {{db.password}}, {{TIDE_DB_PASSWORD}}, {{lookup db "password"}}...: rendered into the command line.
    { find: (command) => mustaches(command).find((m) => /password/i.test(m)), ...password },
    // $TIDE_DB_PASSWORD, ${TIDE_DB_PASSWORD}: the shell expands it into a process's arguments.
    { find: (command) => /\$\{?TIDE_DB_PASSWORD\b/.exec(command)?.[0], ...password },
  ];
  for (const ref of secretRefs(desired)) {
    const fleetSecret = { what: `the fleet's secret ${ref}`, why: "tide's credentials never reach a command (a command line is visible to every user of the server)" };
    if (ref.startsWith('env:')) {
      // The schema allows only [A-Za-z_][A-Za-z0-9_]* here.
      const name = ref.slice(4);
      const word = new RegExp(`\\b${name}\\b`);
      const expansion = new RegExp(`\\$\\{?${name}\\b`);
      namings.push({ find: (command) => expansion.exec(command)?.[0] ?? mustaches(command).find((m) => word.test(m)), ...fleetSecret });
    } else {
      // The path as a word of its own: `file:pw` must not refuse `pwd`.
      const path = ref.slice(5);
      const word = new RegExp(`(?:^|[^\\w./~-])${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w./-])`);
      namings.push({ find: (command) => (word.test(command) ? path : undefined), ...fleetSecret });
    }
  }
  return namings;
}

/** The `{{...}}` of a handlebars template (found in linear time whatever the text). */
function mustaches(template: string): string[] {
  return template.split('{{').slice(1).map((rest) => `{{${rest.split('}}')[0]}}}`);
}

function* commandTemplates(desired: DesiredState): Generator<Command> {
  for (const platform of desired.platforms.values()) {
    const base = { kind: 'Platform' as const, name: platform.name };
    if (platform.build) yield { ...base, path: ['build'], text: platform.build };
    for (const [key, text] of Object.entries(platform.commands)) {
      if (typeof text === 'string') yield { ...base, path: ['commands', key], text };
    }
  }
  for (const server of desired.servers.values()) {
    const base = { kind: 'Server' as const, name: server.name };
    for (const key of ['check', 'reload'] as const) {
      yield { ...base, path: ['services', 'http', key], text: server.services.http[key] };
    }
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
