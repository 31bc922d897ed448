// The application frame: menu bar (browser mode), toolbar, canvas, inspector, dialogs, notices.

import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, type ReactElement } from 'react';
import { AwsDialogs } from './aws/AwsDialogs';
import { useAwsDialog } from './aws/aws-dialog-state';
import { Canvas } from './canvas/Canvas';
import { ExportDialog } from './export/ExportDialog';
import { Toolbar } from './canvas/Toolbar';
import { getAppMode, onMenuCommand } from './host/client';
import { Inspector } from './inspector/Inspector';
import { MatrixView } from './matrix/MatrixView';
import { ViewSwitch } from './matrix/ViewSwitch';
import { PolicyEditorPane } from './policy-editor/PolicyEditorPane';
import { startReviewSync } from './review/review-sync';
import { SimulatorPanel } from './simulator/SimulatorPanel';
import { commandForKey, runMenuCommand } from './shell/app-commands';
import { Dialogs } from './shell/DialogHost';
import { startEditFocusTracking } from './shell/edit-target';
import { MenuBar } from './shell/MenuBar';
import { Notices } from './shell/Notices';
import { useApplyTheme } from './shell/theme';
import { openStartupDesign, startDocumentSync } from './state/document-actions';
import { hasUnsavedChanges, useAppStore } from './state/store';
import { useDialogs } from './shell/dialogs';

function StatusBar(): ReactElement {
  const counts = useAppStore(
    (state) =>
      `${state.design.providers.length + state.design.userPools.length + state.design.identityPools.length + state.design.roles.length + state.design.managedPolicies.length}`,
  );
  const filePath = useAppStore((state) => state.filePath);
  const dirty = useAppStore(hasUnsavedChanges);
  return (
    <footer className="statusbar">
      <span data-testid="file-path">{filePath ?? 'Untitled design'}</span>
      <span className={dirty ? 'statusbar__dirty' : ''} data-testid="dirty-state">
        {dirty ? '● Unsaved changes' : filePath ? 'Saved' : 'Not saved yet'}
      </span>
      <span>{`${counts} nodes`}</span>
    </footer>
  );
}

export function App(): ReactElement {
  useApplyTheme();
  const view = useAppStore((state) => state.ui.view);
  const browserMode = getAppMode() === 'browser';

  useEffect(() => {
    const stopSync = startDocumentSync();
    const stopReview = startReviewSync();
    const stopMenu = onMenuCommand(runMenuCommand);
    const stopEditFocus = startEditFocusTracking();
    void openStartupDesign();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (useDialogs.getState().dialog || useAwsDialog.getState().dialog) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      runMenuCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      stopSync();
      stopReview();
      stopMenu();
      stopEditFocus();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <ReactFlowProvider>
      <div className="app">
        {browserMode ? (
          <header className="app__top">
            <span className="app__brand">Cognito Access Studio</span>
            <MenuBar />
          </header>
        ) : null}
        <Toolbar />
        <main className="app__main">
          <div className="app__view">
            <ViewSwitch />
            <div className="app__workspace">
              {view === 'matrix' ? (
                <MatrixView />
              ) : (
                <div className="app__design">
                  <Canvas />
                  {/* Over the canvas only: the view tabs and the simulator stay reachable. */}
                  <PolicyEditorPane />
                </div>
              )}
              <SimulatorPanel />
            </div>
          </div>
          <Inspector />
        </main>
        <StatusBar />
        <Dialogs />
        <ExportDialog />
        <AwsDialogs />
        <Notices />
      </div>
    </ReactFlowProvider>
  );
}
