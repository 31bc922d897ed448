// The language context of the policy shown: session variables of its roles, the design's pools and
// providers, the renderer's catalog.

import { providerNamesOf } from '../../shared/policy-language/design-names';
import type { PolicyLanguageContext } from '../../shared/policy-language/context';
import { sessionVariables } from '../../shared/policy-language/session-variables';
import type { IamCatalog } from '../../shared/iam/catalog';
import type { DesignDocument } from '../../shared/model/types';
import { buildReviewContext } from '../../shared/review';
import type { PolicySource } from './policy-source';

export function languageContextFor(
  design: DesignDocument,
  source: PolicySource,
  catalog: IamCatalog,
): PolicyLanguageContext {
  const review = buildReviewContext(design);
  return {
    kind: source.kind,
    catalog,
    account: design.account,
    variables: sessionVariables(design, source.roleIds),
    identityPoolIds: design.identityPools.map((pool) => pool.poolId),
    providerNames: providerNamesOf(design),
    guestOnly:
      source.roleIds.length > 0 &&
      source.roleIds.every((id) => review.guestRoleIds.has(id) && !review.signedInRoleIds.has(id)),
  };
}
