// Build step (npm run build): compiles the vhost templates ahead of time into
// dist/services/http/templates.generated.js (template.ts says why), each
// under the digest of the source it was compiled from (the source itself is
// already in the bundle, in its own module).

import { writeFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { APACHE_VHOST } from './apache/template.js';
import { NGINX_VHOST } from './nginx/template.js';
import { templateDigest, VHOST_COMPILE_OPTIONS } from './template.js';

const sources = [NGINX_VHOST, APACHE_VHOST];
const entries = sources.map((source) => `  [${JSON.stringify(templateDigest(source))}, ${Handlebars.precompile(source, VHOST_COMPILE_OPTIONS)}],`);
const target = new URL('./templates.generated.js', import.meta.url);
writeFileSync(target, `export const templates = [\n${entries.join('\n')}\n];\n`);
console.log(`precompiled ${sources.length} vhost templates into ${target.pathname}`);
