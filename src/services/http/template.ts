// One Handlebars setup for every vhost template: a private environment (no
// global helpers leak in), no HTML escaping (this is config, not HTML; values
// are checked by values.ts instead) and strict mode, so a misspelt field is
// an error rather than an empty string in a config file.
//
// Every vhost carries a marker: a digest of its own text, which the web
// server answers with on the probe path. After a reload, tide asks for it
// (served.ts) until the new configuration, and not the old one, answers.
//
// `npm run build` precompiles the templates (precompile-templates.ts) into
// templates.generated.js, so an apply loads only Handlebars' small runtime:
// loading the compiler and compiling the nginx template cost ~100 ms of
// CPU on every apply. Running from source (tests), they are compiled here.

import { createHash } from 'node:crypto';
import type HandlebarsApi from 'handlebars';
import RuntimeModule from 'handlebars/runtime.js';

export type VhostTemplate = (view: object) => string;

/** The response header that carries a vhost's marker. */
export const MARKER_HEADER = 'X-Tide-Vhost';
/** Where the marker is asked for: answered by the vhost itself, never passed to the application. */
export const PROBE_PATH = '/.tide-vhost';
// Rendered in place of the marker, then replaced by the digest of the text
// around it. '<' is refused in every vhost value (values.ts), so it cannot
// come from a fact.
const PLACEHOLDER = '<tide-vhost-marker>';

/** The line each template starts its text with, after the managed-by comment. */
export const PROBE_LINE = `# tide's probe: site {{site}} answers http://{{url}}:{{port}}{{probePath}} with {{markerHeader}} "{{marker}}".`;
const PROBE_IN_VHOST = /^# tide's probe: site ([a-z0-9.-]+) answers http:\/\/([a-z0-9.-]+):([0-9]{1,5})\/\.tide-vhost with X-Tide-Vhost "([0-9a-f]{16})"\.$/m;

/** Where and what a vhost answers tide's probe with. */
export interface VhostProbe {
  site: string;
  host: string;
  port: number;
  marker: string;
}

/** How every vhost template is compiled (ahead of time or here). */
export const VHOST_COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** What precompile-templates.ts writes: each template's compiled form under the digest of its source. */
export type PrecompiledTemplates = [digest: string, spec: TemplateSpecification][];
type TemplateSpecification = Parameters<typeof HandlebarsApi.template>[0];
/** The runtime's own typings declare nothing: it is the compiler's API without compile. */
const Runtime = RuntimeModule as unknown as Pick<typeof HandlebarsApi, 'create'>;

const precompiled: Map<string, TemplateSpecification> | undefined = await import(new URL('./templates.generated.js', import.meta.url).href).then(
  (m: { templates: PrecompiledTemplates }) => new Map(m.templates),
  () => undefined,
);
// The compiler only without the precompiled templates (running from source).
const compiler = precompiled ? undefined : (await import('handlebars')).default;

/** What a precompiled template is filed under: its source changed, it is not found. */
export function templateDigest(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

export function compileVhostTemplate(source: string): VhostTemplate {
  const spec = precompiled?.get(templateDigest(source));
  if (precompiled && !spec) throw new Error('a vhost template changed after templates.generated.js was written: run npm run build');
  // A private environment each: no helper registered elsewhere leaks in.
  const template = spec ? Runtime.create().template(spec) : compiler!.create().compile(source, VHOST_COMPILE_OPTIONS);
  return (view) => {
    // Collapse the blank lines that optional blocks leave behind.
    const text = template({ ...view, marker: PLACEHOLDER, markerHeader: MARKER_HEADER, probePath: PROBE_PATH }).replace(/\n{3,}/g, '\n\n');
    const marker = createHash('sha256').update(text).digest('hex').slice(0, 16);
    return text.replaceAll(PLACEHOLDER, marker);
  };
}

/** The probe a vhost written by tide answers (null: none, e.g. one written before markers existed). */
export function vhostProbe(content: string | Buffer | null): VhostProbe | null {
  const found = content === null ? null : PROBE_IN_VHOST.exec(content.toString('utf8'));
  return found ? { site: found[1]!, host: found[2]!, port: Number(found[3]), marker: found[4]! } : null;
}
