// Bundles the GitHub Action entry points (src/github/entry/*.ts, compiled by
// `npm run build` into dist/) into actions/dist/: ES modules with everything
// inlined, so a runner needs no npm install and no build. Shared code goes to
// one content-hashed chunk. The output depends only on the sources and the
// locked esbuild version (no timestamps, paths relative to the repository),
// so a rebuild elsewhere gives the same bytes: test/unit/action-bundle.test.ts
// rebuilds into a temporary directory and compares.
//
// Usage: node actions/build.mjs [OUTDIR]   (npm run build:action)

import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'actions', 'dist');
const ENTRY_DIR = join(ROOT, 'dist', 'github', 'entry');

/** The commands with an entry point: plan, relay, apply... (run.js is the shared runner). */
export function entryNames() {
  return readdirSync(ENTRY_DIR)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .map((f) => f.slice(0, -3))
    .sort();
}

// The schema validators, the build identity and the vhost templates are loaded by a computed URL
// (a plain `tsc` build keeps them beside the module that loads them); a
// bundle must inline them instead, and the validators' generated code must
// use the bundle's require, not one bound to node_modules.
const GENERATED_IMPORTS = {
  'schemas.js': 'validators.generated.js',
  'build-identity.js': 'build-identity.generated.js',
  'template.js': 'templates.generated.js',
};
const computedImport = (file) => `await import(new URL('./${file}', import.meta.url).href)`;
const GENERATED_REQUIRE = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";

const inlineGenerated = {
  name: 'inline-generated',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/](model[\\/](schemas|build-identity)|services[\\/]http[\\/]template)\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const file = GENERATED_IMPORTS[args.path.split(/[\\/]/).pop()];
      if (!text.includes(computedImport(file))) throw new Error(`${args.path} no longer loads ${file} with ${computedImport(file)}: update actions/build.mjs`);
      return { contents: text.replace(computedImport(file), `await import('./${file}')`), loader: 'js' };
    });
    b.onLoad({ filter: /[\\/]dist[\\/]model[\\/]validators\.generated\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.startsWith(GENERATED_REQUIRE)) throw new Error(`${args.path} does not start as compile-schemas writes it: update actions/build.mjs`);
      return { contents: text.slice(GENERATED_REQUIRE.length), loader: 'js' };
    });
  },
};

export async function buildActions(outdir = BUNDLE_DIR) {
  rmSync(outdir, { recursive: true, force: true });
  const names = entryNames();
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(names.map((n) => [n, join(ENTRY_DIR, `${n}.js`)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies call require() for Node's own modules, and some
    // (ssh2's agent) read __dirname at load time.
    banner: {
      js: [
        "import { createRequire as __tideCreateRequire } from 'node:module';",
        "import { fileURLToPath as __tideFileURLToPath } from 'node:url';",
        "import { dirname as __tideDirname } from 'node:path';",
        'const require = __tideCreateRequire(import.meta.url);',
        'const __filename = __tideFileURLToPath(import.meta.url);',
        'const __dirname = __tideDirname(__filename);',
      ].join('\n'),
    },
    // ssh2's optional native speed-ups: it falls back to JavaScript without them.
    external: ['cpu-features', '*.node'],
    legalComments: 'eof',
    sourcemap: false,
    // Whitespace and syntax only: names stay, so a stack trace from a runner still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    plugins: [inlineGenerated],
  });
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : BUNDLE_DIR;
  const names = await buildActions(outdir);
  console.log(`bundled ${names.join(', ')} into ${outdir}`);
}
