// Names from the design that policy values refer to: the provider names Cognito writes into `amr`.

import { userPoolProviderName } from '../model/keys';
import type { DesignDocument } from '../model/types';

export function providerNamesOf(design: DesignDocument): string[] {
  return [
    ...design.providers.map((provider) => provider.providerKey),
    ...design.userPools.map((pool) => userPoolProviderName(pool.poolId)),
  ].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
}
