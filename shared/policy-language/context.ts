// What the language features know about the policy being edited besides its text.

import type { PolicyKind } from '../iam';
import type { IamCatalog } from '../iam/catalog';
import type { AccountContext } from '../model/types';
import type { SessionVariable } from './session-variables';

export interface PolicyLanguageContext {
  kind: PolicyKind;
  catalog: IamCatalog;
  /** Fills the partition, region and account of ARN templates. */
  account: AccountContext;
  /** Variables that exist in the sessions this policy applies to. */
  variables: readonly SessionVariable[];
  /** The design's identity pool ids (`cognito-identity.amazonaws.com:aud` values). */
  identityPoolIds: readonly string[];
  /** Provider names of the design (`amr` values). */
  providerNames: readonly string[];
  /** Only guests reach the roles of this policy (trust fixes add `amr` "unauthenticated"). */
  guestOnly: boolean;
}
