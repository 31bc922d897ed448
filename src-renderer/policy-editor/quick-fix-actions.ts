// Which quick fixes apply where: markers of validation issues and review findings (by code), plus
// the identity scoping of the S3 or DynamoDB statement under the cursor.

import { getLocation } from 'jsonc-parser';
import type { PolicyLanguageContext } from '../../shared/policy-language/context';
import { statementIndexOf } from '../../shared/policy-language/json-position';
import {
  addVersionFix,
  readOnlyActionsFix,
  scopeToIdentityFix,
  trustConditionsFix,
  type QuickFix,
} from '../../shared/policy-language/quick-fixes';

/** The parts of a Monaco marker the fixes read (kept structural so this module needs no Monaco). */
export interface MarkerData {
  code?: string | { value: string };
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: number;
}

export interface LocatedQuickFix extends QuickFix {
  marker?: MarkerData;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function codeOf(marker: MarkerData): string {
  return typeof marker.code === 'object' ? marker.code.value : (marker.code ?? '');
}

const VERSION_CODES = new Set([
  'missing-version',
  'old-version',
  'variable-without-version',
  'variables-without-version',
]);

export async function quickFixesAt(
  text: string,
  offset: number,
  markers: readonly MarkerData[],
  context: PolicyLanguageContext,
): Promise<LocatedQuickFix[]> {
  const fixes: LocatedQuickFix[] = [];
  const covered = new Set<string>();
  for (const marker of markers) {
    const code = codeOf(marker);
    const statement =
      statementIndexOf(
        getLocation(text, offsetOf(text, marker.startLineNumber, marker.startColumn) + 1).path,
      ) ?? 0;
    let fix: QuickFix | undefined;
    if (VERSION_CODES.has(code)) fix = addVersionFix(text);
    else if (code === 'trust-missing-aud' || code === 'trust-missing-amr')
      fix = trustConditionsFix(
        text,
        statement,
        context.identityPoolIds,
        context.guestOnly ? 'unauthenticated' : 'authenticated',
      );
    else if (code === 'write-on-wildcard-resource' || code === 'partition-on-user-pool-sub')
      fix = scopeToIdentityFix(text, statement);
    else if (code === 'guest-write-access') fix = await readOnlyActionsFix(text, statement, context.catalog);
    if (fix && !covered.has(fix.title)) {
      covered.add(fix.title);
      fixes.push({ ...fix, marker });
    }
  }
  const here = statementIndexOf(getLocation(text, offset).path);
  if (here !== undefined && context.kind !== 'trust') {
    const scope = scopeToIdentityFix(text, here);
    if (scope && !covered.has(scope.title)) fixes.push(scope);
  }
  return fixes;
}
