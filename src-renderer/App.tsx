// The application frame: menu bar (browser mode), toolbar, canvas, inspector, dialogs, notices.

import { ReactFlowProvider } from '@xyflow/react';
// The styles of the views loaded on first use stay in the start-up stylesheet, in the order they
// always had: some of them lay out the workspace the canvas is in.
import './export/export.css';
import './policy-editor/policy-editor.css';
import './styles/simulator.css';
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useAwsDialog } from './aws/aws-dialog-state';
import { Canvas } from './canvas/Canvas';
import { OPENING_FIT } from './canvas/canvas-controller';
import { initialCanvasSize } from './canvas/canvas-size';
import { initialFlowElements } from './canvas/use-flow-graph';
import { useExportDialog } from './export/export-dialog-state';
import { Toolbar } from './canvas/Toolbar';
import { getAppMode, onMenuCommand } from './host/client';
import { Inspector } from './inspector/Inspector';
import { ViewSwitch } from './matrix/ViewSwitch';
import { startReviewSync } from './review/review-sync';
import { commandForKey, runMenuCommand } from './shell/app-commands';
import { Dialogs } from './shell/DialogHost';
import { startEditFocusTracking } from './shell/edit-target';
import { MenuBar } from './shell/MenuBar';
import { Notices } from './shell/Notices';
import { useApplyTheme } from './shell/theme';
import { openStartupDesign, startDocumentSync } from './state/document-actions';
import { hasUnsavedChanges, useAppStore } from './state/store';
import { useDialogs } from './shell/dialogs';

// Views and dialogs that are closed at start-up load on first use, so the start-up chunk the
// browser compiles before the first render holds only what that render needs.
const MatrixView = lazy(() =>
  import('./matrix/MatrixView').then((module) => ({ default: module.MatrixView })),
);
const ExportDialog = lazy(() =>
  import('./export/ExportDialog').then((module) => ({ default: module.ExportDialog })),
);
const AwsDialogs = lazy(() => import('./aws/AwsDialogs').then((module) => ({ default: module.AwsDialogs })));
const PolicyEditorPane = lazy(() =>
  import('./policy-editor/PolicyEditorPane').then((module) => ({ default: module.PolicyEditorPane })),
);
const SimulatorPanel = lazy(() =>
  import('./simulator/SimulatorPanel').then((module) => ({ default: module.SimulatorPanel })),
);

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
  const exportOpen = useExportDialog((state) => state.open);
  const awsDialog = useAwsDialog((state) => state.dialog);
  const policyEditorOpen = useAppStore((state) => state.ui.policyEditor !== null);
  // Once opened the simulator stays mounted: closing it refits the canvas it gave back.
  const simulatorOpen = useAppStore((state) => state.ui.simulatorOpen);
  const [simulatorUsed, setSimulatorUsed] = useState(false);
  if (simulatorOpen && !simulatorUsed) setSimulatorUsed(true);
  const browserMode = getAppMode() === 'browser';
  // React Flow's store starts with the design already in the store, so the canvas's first frame
  // holds its nodes (they would otherwise come one render and a frame later). A large design opens
  // at a view known from its positions, and the canvas's size as far as it is known before layout
  // lets that frame render only the nodes within the canvas. A small design is fitted whole by
  // React Flow once it has measured the nodes, which it shows only then (OPENING_FIT); given a
  // size, React Flow would first fit nodes it cannot size yet, a frame at a meaningless zoom.
  const [initialFlow] = useState(() => {
    const elements = initialFlowElements(useAppStore.getState());
    return { ...elements, ...(elements.fitView ? {} : initialCanvasSize(browserMode)) };
  });

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
    <ReactFlowProvider
      initialNodes={initialFlow.nodes}
      initialEdges={initialFlow.edges}
      initialWidth={initialFlow.width}
      initialHeight={initialFlow.height}
      fitView={initialFlow.fitView}
      initialFitViewOptions={OPENING_FIT}
    >
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
                <Suspense fallback={<p className="muted matrix-loading">Loading the access matrix…</p>}>
                  <MatrixView />
                </Suspense>
              ) : (
                <div className="app__design">
                  <Canvas />
                  {/* Over the canvas only: the view tabs and the simulator stay reachable. */}
                  {policyEditorOpen ? (
                    <Suspense fallback={null}>
                      <PolicyEditorPane />
                    </Suspense>
                  ) : null}
                </div>
              )}
              {simulatorUsed ? (
                <Suspense fallback={null}>
                  <SimulatorPanel />
                </Suspense>
              ) : null}
            </div>
          </div>
          <Inspector />
        </main>
        <StatusBar />
        <Dialogs />
        {exportOpen || awsDialog ? (
          <Suspense fallback={null}>
            {exportOpen ? <ExportDialog /> : null}
            {awsDialog ? <AwsDialogs /> : null}
          </Suspense>
        ) : null}
        <Notices />
      </div>
    </ReactFlowProvider>
  );
}
