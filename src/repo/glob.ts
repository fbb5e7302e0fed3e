// Glob matching for `ignore` patterns, as in .gitignore: `*` and `?` within
// a path segment, `**` for any number of segments, `[abc]` classes. A pattern
// without a slash matches a name at any depth; a pattern that matches a
// directory ignores everything beneath it.
//
// Patterns come from fleet files, so from strangers' pull requests: matching
// must not backtrack. minimatch (v11 and later) matches without regular
// expressions built from the pattern, in time that stays flat however many
// `*` and `**` a pattern holds; brace expansion, the one feature whose cost
// grows exponentially with the pattern, is turned off, as are extglobs and
// negation, which `ignore` never offered.

import { Minimatch, type MinimatchOptions } from 'minimatch';

/** Longer patterns, and patterns past this many, are refused by the schema and never compiled. */
export const MAX_PATTERN_LENGTH = 1024;
export const MAX_PATTERNS = 100;

const OPTIONS: MinimatchOptions = { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true, platform: 'linux' };

/** A test for repository paths (forward slashes) against all of `patterns`. */
export function ignoreMatcher(patterns: readonly string[]): (path: string) => boolean {
  const matchers = patterns.slice(0, MAX_PATTERNS).filter((p) => p.length <= MAX_PATTERN_LENGTH).map(compile);
  if (matchers.length === 0) return () => false;
  return (path) => {
    // The path itself, then each directory above it.
    for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
      const prefix = path.slice(0, end);
      if (matchers.some((m) => m.match(prefix))) return true;
    }
    return false;
  };
}

function compile(pattern: string): Minimatch {
  const anchored = pattern.includes('/');
  const body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  return new Minimatch(anchored ? body : `**/${body}`, OPTIONS);
}
