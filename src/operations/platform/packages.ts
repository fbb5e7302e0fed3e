// A platform's package inventory as recorded: what its code brings, for
// migrate's compatibility check. A driver that cannot tell leaves none.

import type { Package, RecordedPlatform } from '../../state/types.js';

export function withPackages(packages: Package[] | null): Pick<RecordedPlatform, 'packages'> {
  return packages ? { packages } : { packages: undefined };
}
