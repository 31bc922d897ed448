// Document lifecycle through the host API: start-up, open, save, save as, new, autosave to the
// recovery file and the title. These are effects, not pure commands; the design changes they
// make still go through the store.

import { loadDesign, serializeDesign, type LoadResult } from '../../shared/model/io';
import type { DesignDocument } from '../../shared/model/types';
import { getAppMode, getHost, HostCallError } from '../host/client';
import { pendingDrafts } from '../inspector/field-session';
import { primeIssues } from '../inspector/issues';
import { chooseRecentFile, chooseWorkspaceFile, confirm, showIssues } from '../shell/dialogs';
import { activePolicyEditor } from '../policy-editor/editor-handle';
import { notify } from './notices';
import { policyOfDraftKey } from './policy-drafts';
import { openPolicy } from './policy-focus';
import { emptyDesign, hasUnsavedChanges, isDirty, policyDraftKeys, useAppStore } from './store';
import type { PolicyDrafts } from './types';

const APP_NAME = 'Cognito Access Studio';

/** The recovery write in progress, if any: clearing the file waits for it, or it would come back. */
let recoveryWrites: Promise<void> = Promise.resolve();

async function clearRecoveryFile(): Promise<void> {
  await recoveryWrites;
  await getHost().clearRecovery({});
}

function messageOf(error: unknown): string {
  if (error instanceof HostCallError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function fileName(path: string | undefined): string {
  if (!path) return '';
  return path.split(/[\\/]/).at(-1) ?? path;
}

export function windowTitle(state: {
  design: DesignDocument;
  filePath: string | undefined;
  dirty: boolean;
}): string {
  const name = state.filePath ? fileName(state.filePath) : state.design.name;
  return `${state.dirty ? '● ' : ''}${name} — ${APP_NAME}`;
}

/** Parses a file's text; on failure shows the errors and returns undefined (the current design stays). */
async function parseOrReport(path: string, content: string): Promise<DesignDocument | undefined> {
  return reportLoaded(path, loadDesign(content, { fileName: fileName(path), allowSemanticErrors: true }));
}

/** A loaded file's design, or undefined after showing why it cannot be opened. */
async function reportLoaded(path: string, result: LoadResult): Promise<DesignDocument | undefined> {
  if (result.ok) {
    // A migrated design's issues were found on the old shape; validate the new one afresh.
    if (result.migratedFrom === undefined) primeIssues(result.design, result.issues);
    if (result.migratedFrom !== undefined)
      notify(
        'info',
        `${fileName(path)} was written in format version ${result.migratedFrom}; it will be saved in the current version.`,
      );
    return result.design;
  }
  await showIssues(
    'Cannot open this design',
    `${path} is not a valid design file. Nothing was changed; your current design is still open.`,
    result.issues,
  );
  return undefined;
}

/** Above this many nodes the minimap starts hidden: repainting thousands of its shapes on every pan frame halves the frame rate. */
const LARGE_DESIGN_NODES = 600;

function nodeCount(design: DesignDocument): number {
  return (
    design.providers.length +
    design.userPools.length +
    design.identityPools.length +
    design.roles.length +
    design.managedPolicies.length
  );
}

function showLoaded(
  design: DesignDocument,
  path: string | undefined,
  dirty = false,
  policyDrafts?: PolicyDrafts,
): void {
  useAppStore.getState().loadDocument(design, path, { dirty, ...(policyDrafts ? { policyDrafts } : {}) });
  if (nodeCount(design) > LARGE_DESIGN_NODES && useAppStore.getState().ui.minimap) {
    useAppStore.getState().setUi({ minimap: false });
    notify(
      'info',
      `Large design (${nodeCount(design)} nodes): the minimap is hidden to keep panning smooth. View › Toggle Minimap shows it.`,
    );
  }
}

/** Policy text in the editor that is not valid JSON is not in the design: say so before it is lost. */
async function policyDraftsAllowed(action: string): Promise<boolean> {
  activePolicyEditor()?.commitPending();
  const drafts = policyDraftKeys(useAppStore.getState()).length;
  if (drafts === 0) return true;
  return confirm(
    `${action} without the policy drafts?`,
    `${drafts} policy text(s) in the policy editor are not valid JSON, so they are not part of the design; the last valid version of each policy is what the design holds.`,
    `${action} anyway`,
  );
}

/** Whether anything would be lost by leaving the design: edits, or field or policy text not yet in it. */
export function hasUnsavedWork(): boolean {
  return hasUnsavedChanges(useAppStore.getState()) || pendingDrafts().length > 0;
}

/** After a recovery: the editor shows the first restored draft, with its error. */
function showRecoveredDrafts(): void {
  const state = useAppStore.getState();
  const keys = policyDraftKeys(state);
  if (keys.length === 0) return;
  const first = keys.map((key) => policyOfDraftKey(state.design, key)).find((ref) => ref !== undefined);
  if (first) openPolicy(useAppStore, { policy: first });
  notify(
    'info',
    `Restored ${keys.length} policy draft${keys.length === 1 ? '' : 's'} that ${keys.length === 1 ? 'is' : 'are'} not valid JSON yet: the design holds the last valid version until fixed.`,
  );
}

/** Every way of leaving the design (open, recent, new, close) asks first when work would be lost. */
async function discardChangesIfAllowed(): Promise<boolean> {
  if (!(await policyDraftsAllowed('Continue'))) return false;
  // The policy drafts were asked about just above: ask about the rest only.
  const drafts = pendingDrafts();
  if (!isDirty(useAppStore.getState()) && drafts.length === 0) return true;
  return confirm(
    'Discard unsaved changes?',
    drafts.length > 0
      ? `The current design has changes that are not saved, including text in ${drafts.map((label) => `"${label}"`).join(', ')} that is not valid yet.`
      : 'The current design has changes that are not saved.',
    'Discard changes',
  );
}

function draftCount(drafts: PolicyDrafts | undefined): string {
  const count = drafts ? Object.keys(drafts).length : 0;
  return count === 0
    ? ''
    : `, including ${count} policy draft${count === 1 ? '' : 's'} not valid as JSON yet`;
}

type StartupRequests = {
  recovery: ReturnType<ReturnType<typeof getHost>['readRecovery']>;
  startup: ReturnType<ReturnType<typeof getHost>['getStartupDesign']>;
  /** The start-up design read before the first render (showStartupDesignEarly), if it was. */
  early?: Promise<{ path: string; result: LoadResult } | undefined>;
};
let startupRequests: StartupRequests | undefined;

/**
 * Asks the host for the recovery file and the start-up design at once, before the first render:
 * a large design then arrives while React is still setting up instead of after it.
 */
export function prefetchStartupDesign(): void {
  if (startupRequests) return;
  const host = getHost();
  startupRequests = { recovery: host.readRecovery({}), startup: host.getStartupDesign({}) };
  // Awaited by openStartupDesign; a failure is reported there, not as an unhandled rejection.
  startupRequests.recovery.catch(() => undefined);
  startupRequests.startup.catch(() => undefined);
}

/** About 2 MB of design text, read in a few hundred milliseconds. */
const EARLY_LOAD_MAX_CHARACTERS = 2 * 1024 * 1024;

/**
 * Before the first render: when nothing has to be asked first (no autosaved work), reads the
 * start-up design and, when it is valid, puts it in the store, so the first frame already shows
 * it instead of an empty canvas followed by a second layout. Errors are left to openStartupDesign,
 * which reports them once the app is on screen.
 */
export function showStartupDesignEarly(): Promise<void> {
  prefetchStartupDesign();
  const requests = startupRequests as StartupRequests;
  requests.early ??= (async () => {
    const recovery = await requests.recovery;
    if (!('none' in recovery)) return undefined;
    const startup = await requests.startup;
    // Reading a very large design blocks the page: the app shows first, then the design.
    if ('none' in startup || startup.content.length > EARLY_LOAD_MAX_CHARACTERS) return undefined;
    const result = loadDesign(startup.content, {
      fileName: fileName(startup.path),
      allowSemanticErrors: true,
    });
    // Only a design that opens as it is: error dialogs and the migration note wait for the app.
    if (!result.ok || result.migratedFrom !== undefined) return { path: startup.path, result };
    primeIssues(result.design, result.issues);
    showLoaded(result.design, startup.path);
    return { path: startup.path, result };
  })().catch(() => undefined);
  return requests.early.then(() => undefined);
}

export async function openStartupDesign(): Promise<void> {
  const host = getHost();
  prefetchStartupDesign();
  const requests = startupRequests as StartupRequests;
  const early = await requests.early;
  if (early?.result.ok && early.result.migratedFrom === undefined) return;
  try {
    const recovery = await requests.recovery;
    if ('unreadable' in recovery) notify('error', recovery.unreadable.message);
    if ('content' in recovery) {
      const restore = await confirm(
        'Restore unsaved work?',
        `Cognito Access Studio closed with unsaved changes${recovery.path ? ` to ${fileName(recovery.path)}` : ''}${draftCount(recovery.policyDrafts)} (autosaved ${new Date(recovery.savedAt).toLocaleString()}).`,
        'Restore',
        'Discard',
      );
      if (restore) {
        const result = loadDesign(recovery.content, { allowSemanticErrors: true });
        if (result.ok) {
          showLoaded(result.design, recovery.path, true, recovery.policyDrafts);
          showRecoveredDrafts();
          return;
        }
        // Nothing autosaved is deleted: the file is kept for a person to look at.
        const issue = result.issues[0];
        const { keptAt } = await host.clearRecovery({ setAside: true });
        notify(
          'error',
          `The autosaved design could not be loaded${issue ? ` (${issue.path}: ${issue.message})` : ''}${keptAt ? `; it was kept as ${keptAt}` : ''}. Opening the last saved design instead.`,
        );
      } else await host.clearRecovery({});
    }
    if (early) {
      const design = await reportLoaded(early.path, early.result);
      if (design) showLoaded(design, early.path);
      return;
    }
    const startup = await requests.startup;
    if ('none' in startup) return;
    const design = await parseOrReport(startup.path, startup.content);
    if (design) showLoaded(design, startup.path);
  } catch (error) {
    notify('error', `Could not open the start-up design: ${messageOf(error)}`);
  }
}

export async function openDesign(path?: string): Promise<void> {
  if (!(await discardChangesIfAllowed())) return;
  const host = getHost();
  let target = path;
  if (target === undefined && getAppMode() === 'browser') {
    target = await chooseWorkspaceFile({ mode: 'open', title: 'Open design', confirmLabel: 'Open' });
    if (!target) return;
  }
  try {
    const opened = await host.openDesign(target === undefined ? {} : { path: target });
    if ('canceled' in opened) return;
    const design = await parseOrReport(opened.path, opened.content);
    if (!design) return;
    showLoaded(design, opened.path);
    await clearRecoveryFile();
    notify('success', `Opened ${fileName(opened.path)}`);
  } catch (error) {
    await showIssues('Cannot open this design', messageOf(error), []);
  }
}

export async function saveDesign(options: { saveAs?: boolean } = {}): Promise<boolean> {
  if (!(await policyDraftsAllowed('Save'))) return false;
  const host = getHost();
  const state = useAppStore.getState();
  const design = state.design;
  let path = state.filePath;
  const browser = getAppMode() === 'browser';
  if ((options.saveAs || !path) && browser) {
    path = await chooseWorkspaceFile({
      mode: 'save',
      title: options.saveAs ? 'Save design as' : 'Save design',
      confirmLabel: 'Save',
      suggestedName: fileName(path) || 'design.cognito-design.json',
    });
    if (!path) return false;
  }
  try {
    // Browser mode has already asked for the path in-app; `saveAs` makes the desktop shell show its native dialog.
    const saved = await host.saveDesign({
      content: serializeDesign(design),
      ...(path ? { path } : {}),
      ...(options.saveAs && !browser ? { saveAs: true } : {}),
    });
    if ('canceled' in saved) return false;
    useAppStore.getState().markSaved(saved.path, design);
    // Policy drafts are not in the saved file: the autosave keeps them (startDocumentSync).
    if (policyDraftKeys(useAppStore.getState()).length === 0) await clearRecoveryFile();
    const drafts = pendingDrafts();
    const policyDrafts = policyDraftKeys(useAppStore.getState()).length;
    if (drafts.length > 0)
      notify(
        'error',
        `Saved ${fileName(saved.path)} without the text in ${drafts.join(', ')}: it is not valid yet.`,
      );
    else if (policyDrafts > 0)
      notify(
        'info',
        `Saved ${fileName(saved.path)} without ${policyDrafts} policy draft${policyDrafts === 1 ? '' : 's'}: kept in the editor and the autosave until valid.`,
      );
    else notify('success', `Saved ${fileName(saved.path)}`);
    return true;
  } catch (error) {
    notify('error', `Could not save: ${messageOf(error)}`);
    return false;
  }
}

export async function newDesign(): Promise<void> {
  if (!(await discardChangesIfAllowed())) return;
  showLoaded(emptyDesign(), undefined);
}

/** File › Open Recent: pick one of the recently opened or saved designs. */
export async function openRecentDesign(): Promise<void> {
  let files: string[];
  try {
    files = await getHost().listRecent({});
  } catch (error) {
    notify('error', `Could not read the recent designs: ${messageOf(error)}`);
    return;
  }
  const path = await chooseRecentFile(files);
  if (path) await openDesign(path);
}

/**
 * Keeps the title and the shell's dirty flag current and autosaves unsaved work (the design and
 * the policy drafts) to the recovery file after every change: one write at a time, the newest
 * state next, so the file always ends up holding the very last change (a debounce lost whatever
 * came in its last second). Once nothing is unsaved any more (undone, saved), the file this
 * session wrote is removed. Returns the unsubscribe function.
 */
export function startDocumentSync(): () => void {
  let lastTitle = '';
  let lastDirty: boolean | undefined;
  const host = getHost();
  const sync = (): void => {
    const state = useAppStore.getState();
    const dirty = hasUnsavedChanges(state);
    const title = windowTitle({ design: state.design, filePath: state.filePath, dirty });
    if (title !== lastTitle || dirty !== lastDirty) {
      document.title = title;
      lastTitle = title;
      lastDirty = dirty;
      host.setDocumentState({ title, dirty }).catch(() => undefined);
    }
  };
  sync();
  let last = useAppStore.getState();
  let wrote = false;
  let writing = false;
  let again = false;
  const writeRecovery = (): void => {
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    recoveryWrites = writeUntilCurrent();
  };
  const writeUntilCurrent = async (): Promise<void> => {
    try {
      do {
        again = false;
        const current = useAppStore.getState();
        if (!hasUnsavedChanges(current)) {
          if (wrote) await host.clearRecovery({}).catch(() => undefined);
          wrote = false;
          continue;
        }
        wrote = true;
        const drafts = policyDraftKeys(current).length > 0 ? { policyDrafts: current.policyDrafts } : {};
        await host
          .writeRecovery({
            content: serializeDesign(current.design),
            ...(current.filePath ? { path: current.filePath } : {}),
            ...drafts,
          })
          .catch((error: unknown) => notify('error', `Autosave failed: ${messageOf(error)}`));
      } while (again);
    } finally {
      writing = false;
    }
  };
  const unsubscribe = useAppStore.subscribe((state) => {
    sync();
    if (
      state.design === last.design &&
      state.policyDrafts === last.policyDrafts &&
      state.savedDesign === last.savedDesign
    )
      return;
    last = state;
    writeRecovery();
  });
  // Reloading or closing the tab: the browser asks when work would be lost.
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!hasUnsavedWork()) return;
    event.preventDefault();
    event.returnValue = '';
  };
  // The desktop shell has its own close prompt (close-guard.ts), fed by setDocumentState.
  if (getAppMode() === 'browser') window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    unsubscribe();
  };
}
