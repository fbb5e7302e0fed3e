// Build step (npm run build): compiles every schema in schemas/ into
// dist/model/validators.generated.js with ajv's standalone code generation,
// so no command pays for compiling them at start-up.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AJV_OPTIONS, computeBuildIdentity, createAjv, exportName, SCHEMA_BASE, schemaFiles } from './schemas.js';

const require = createRequire(import.meta.url);
const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;

const ajv = createAjv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
const exports = Object.fromEntries(schemaFiles().map((file) => [exportName(file), SCHEMA_BASE + file]));
// The generated code calls require() for ajv's runtime helpers; give the ES module one.
// BUILD_IDENTITY keys tide's caches of validated documents and plans to what they were made with.
const code = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const BUILD_IDENTITY = ${JSON.stringify(computeBuildIdentity())};\n${standaloneCode(ajv, exports)}`;
const target = new URL('./validators.generated.js', import.meta.url);
writeFileSync(target, code);
console.log(`compiled ${Object.keys(exports).length} schemas into ${target.pathname}`);
