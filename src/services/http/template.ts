// One Handlebars setup for every vhost template: a private environment (no
// global helpers leak in), no HTML escaping (this is config, not HTML; values
// are checked by values.ts instead) and strict mode, so a misspelt field is
// an error rather than an empty string in a config file.

import Handlebars from 'handlebars';

export type VhostTemplate = (view: object) => string;

export function compileVhostTemplate(source: string): VhostTemplate {
  const hbs = Handlebars.create();
  const template = hbs.compile(source, { noEscape: true, strict: true });
  // Collapse the blank lines that optional blocks leave behind.
  return (view) => template(view).replace(/\n{3,}/g, '\n\n');
}
