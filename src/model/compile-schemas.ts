// Build step (npm run build): compiles every schema in schemas/ into
// dist/model/validators.generated.js with ajv's standalone code generation,
// so no command pays for compiling them at start-up, and records the build
// identity (what tide's caches are keyed to) in build-identity.generated.js.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AJV_OPTIONS, computeBuildIdentity, schemaFiles } from './build-identity.js';
import { createAjv, exportName, SCHEMA_BASE } from './schemas.js';

const require = createRequire(import.meta.url);
const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;

const ajv = createAjv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
const exports = Object.fromEntries(schemaFiles().map((file) => [exportName(file), SCHEMA_BASE + file]));
// The generated code calls require() for ajv's runtime helpers; give the ES module one.
const code = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${standaloneCode(ajv, exports)}`;
const target = new URL('./validators.generated.js', import.meta.url);
writeFileSync(target, code);
writeFileSync(new URL('./build-identity.generated.js', import.meta.url), `export const BUILD_IDENTITY = ${JSON.stringify(computeBuildIdentity())};\n`);
console.log(`compiled ${Object.keys(exports).length} schemas into ${target.pathname}`);
