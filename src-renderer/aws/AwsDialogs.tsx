// Hosts the open account dialog in the same frame as the other in-app dialogs. Escape closes it
// wherever the focus is, unless it is applying (closing then would hide the result of changes
// already under way).

import { useEffect, type ReactElement } from 'react';
import { useAwsDialog } from './aws-dialog-state';
import { ImportAwsDialog } from './ImportAwsDialog';
import { PlanApplyDialog } from './PlanApplyDialog';

export function AwsDialogs(): ReactElement | null {
  const dialog = useAwsDialog((state) => state.dialog);
  const close = useAwsDialog((state) => state.close);
  useEffect(() => {
    if (!dialog) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (document.querySelector('[data-testid="apply-progress"]')) return;
      close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, close]);
  if (!dialog) return null;
  const title = dialog === 'import' ? 'Import from AWS' : 'Plan & Apply';
  return (
    <div className="dialog-backdrop">
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-label={title}>
        {dialog === 'import' ? <ImportAwsDialog /> : <PlanApplyDialog />}
      </div>
    </div>
  );
}
