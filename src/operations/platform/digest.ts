// One digest of a platform's code as it sits on the server (after any build),
// so verify can tell whether someone changed it: sha256 over the sorted list
// of every file's sha256 and path. Run in the code's directory.

export const DIGEST_COMMAND =
  "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1";
