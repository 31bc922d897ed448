// How a decision looks in the matrix: short text (never colour alone) and a class for its colour.

import type { MatrixCell } from '../../shared/cognito';

export const DECISION_STYLE: Record<MatrixCell, { short: string; label: string; className: string }> = {
  Allowed: { short: 'Allow', label: 'Allowed', className: 'cell--allow' },
  ImplicitlyDenied: { short: 'Deny', label: 'Denied: no statement allows it', className: 'cell--implicit' },
  ExplicitlyDenied: { short: 'Deny!', label: 'Explicitly denied', className: 'cell--deny' },
  NoCredentials: { short: '—', label: 'No credentials', className: 'cell--none' },
};
