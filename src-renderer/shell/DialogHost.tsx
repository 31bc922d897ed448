// Renders the in-app dialog requested through shell/dialogs.ts.

import type { ReactElement } from 'react';
import { useDialogs, type DialogRequest } from './dialogs';
import { FileBrowserDialog, RecentFilesDialog } from './FileBrowser';

/** Closes the dialog, then answers the request that opened it. */
function DialogButton({
  label,
  primary = false,
  answer,
  done,
}: {
  label: string;
  /** The default choice: highlighted and focused when the dialog opens. */
  primary?: boolean;
  answer(): void;
  done(): void;
}): ReactElement {
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      autoFocus={primary}
      onClick={() => {
        done();
        answer();
      }}
    >
      {label}
    </button>
  );
}

function DialogHeading({ title, message }: { title: string; message: string }): ReactElement {
  return (
    <>
      <h2 className="dialog__title">{title}</h2>
      <p className="dialog__message">{message}</p>
    </>
  );
}

function DialogContent({ dialog, done }: { dialog: DialogRequest; done(): void }): ReactElement {
  switch (dialog.kind) {
    case 'issues':
      return (
        <>
          <DialogHeading title={dialog.title} message={dialog.message} />
          {dialog.issues.length > 0 ? (
            <ul className="dialog__issues" data-testid="open-errors">
              {dialog.issues.slice(0, 30).map((issue) => (
                <li key={`${issue.path}:${issue.message}`} className={`issue issue--${issue.severity}`}>
                  <code>{issue.path}</code>
                  <span>{issue.message}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {dialog.issues.length > 30 ? (
            <p className="muted">{`…and ${dialog.issues.length - 30} more.`}</p>
          ) : null}
          <div className="dialog__actions">
            <DialogButton label="OK" primary answer={() => dialog.resolve()} done={done} />
          </div>
        </>
      );
    case 'files':
      return <FileBrowserDialog dialog={dialog} done={done} />;
    case 'recent':
      return <RecentFilesDialog dialog={dialog} done={done} />;
    case 'confirm':
      return (
        <>
          <DialogHeading title={dialog.title} message={dialog.message} />
          {dialog.details && dialog.details.length > 0 ? (
            <ul className="dialog__issues" data-testid="confirm-details">
              {dialog.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <div className="dialog__actions">
            <DialogButton label={dialog.cancelLabel} answer={() => dialog.resolve(false)} done={done} />
            <DialogButton
              label={dialog.confirmLabel}
              primary
              answer={() => dialog.resolve(true)}
              done={done}
            />
          </div>
        </>
      );
    case 'about':
      return (
        <>
          <DialogHeading
            title="Cognito Access Studio"
            message="Design, simulate and review Amazon Cognito identity-pool federation and the IAM policies it grants."
          />
          <div className="dialog__actions">
            <DialogButton label="Close" primary answer={() => dialog.resolve()} done={done} />
          </div>
        </>
      );
  }
}

export function Dialogs(): ReactElement | null {
  const dialog = useDialogs((state) => state.dialog);
  const close = useDialogs((state) => state.close);
  if (!dialog) return null;
  const cancel = (): void => {
    close();
    if (dialog.kind === 'files' || dialog.kind === 'recent') dialog.resolve(undefined);
    else if (dialog.kind === 'confirm') dialog.resolve(false);
    else dialog.resolve();
  };
  return (
    <div className="dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={dialog.kind === 'about' ? 'About' : dialog.title}
        data-kind={dialog.kind}
      >
        <DialogContent dialog={dialog} done={close} />
      </div>
    </div>
  );
}
