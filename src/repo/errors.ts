// Errors of the repository layer: reading git objects, and platform sources
// that would reach outside the repository.

import { TideError } from '../errors.js';

const CORRUPT_HINT = 'The repository may be damaged or crafted: run `git fsck` in it, and fetch a clean copy if it reports errors.';

/** git could not give an object (missing, corrupt, too large, or git failed or hung reading it). */
export class GitObjectError extends TideError {
  constructor(
    code: 'GIT_OBJECT_MISSING' | 'GIT_OBJECT_CORRUPT' | 'GIT_OBJECT_TOO_LARGE' | 'GIT_READ_FAILED',
    message: string,
    hint: string = CORRUPT_HINT,
  ) {
    super(code, message, { hint });
  }
}

/** A platform source that would ship something from outside its tree, or that cannot be shipped as it is. */
export class SourceRefusedError extends TideError {
  constructor(
    code: 'SOURCE_OUTSIDE_REPO' | 'SOURCE_SYMLINK_OUTSIDE' | 'SOURCE_SYMLINK_LOOP' | 'SOURCE_NOT_A_DIRECTORY' | 'SOURCE_FILE_UNSUPPORTED' | 'SOURCE_NAME_INVALID',
    message: string,
    hint: string,
  ) {
    super(code, message, { hint });
  }
}
