// Document lifecycle through the host API: start-up, open, save, save as, new, autosave to the
// recovery file and the title. These are effects, not pure commands; the design changes they
// make still go through the store.

import { loadDesign, serializeDesign } from '../../shared/model/io';
import type { DesignDocument } from '../../shared/model/types';
import { getAppMode, getHost, HostCallError } from '../host/client';
import { clearPolicyDrafts, policyDraftKeys } from '../policy-editor/editor-handle';
import { askForPath, confirm, showIssues } from '../shell/dialogs';
import { notify } from './notices';
import { emptyDesign, isDirty, useAppStore } from './store';

const APP_NAME = 'Cognito Access Studio';
const AUTOSAVE_DELAY_MS = 1500;

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
  const result = loadDesign(content, { fileName: fileName(path), allowSemanticErrors: true });
  if (result.ok) {
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

function showLoaded(design: DesignDocument, path: string | undefined, dirty = false): void {
  clearPolicyDrafts();
  useAppStore.getState().loadDocument(design, path, { dirty });
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
  const drafts = policyDraftKeys().length;
  if (drafts === 0) return true;
  return confirm(
    `${action} without the policy drafts?`,
    `${drafts} policy text(s) in the policy editor are not valid JSON, so they are not part of the design; the last valid version of each policy is what the design holds.`,
    `${action} anyway`,
  );
}

async function discardChangesIfAllowed(): Promise<boolean> {
  if (!(await policyDraftsAllowed('Continue'))) return false;
  if (!isDirty(useAppStore.getState())) return true;
  return confirm(
    'Discard unsaved changes?',
    'The current design has changes that are not saved.',
    'Discard changes',
  );
}

export async function openStartupDesign(): Promise<void> {
  const host = getHost();
  try {
    const recovery = await host.readRecovery({});
    if ('content' in recovery) {
      const restore = await confirm(
        'Restore unsaved work?',
        `Cognito Access Studio closed with unsaved changes${recovery.path ? ` to ${fileName(recovery.path)}` : ''} (autosaved ${new Date(recovery.savedAt).toLocaleString()}).`,
        'Restore',
        'Discard',
      );
      if (restore) {
        const result = loadDesign(recovery.content, { allowSemanticErrors: true });
        if (result.ok) {
          showLoaded(result.design, recovery.path, true);
          return;
        }
        notify('error', 'The recovery file could not be read; opening the last saved design instead.');
      }
      await host.clearRecovery({});
    }
    const startup = await host.getStartupDesign({});
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
    const info = await host.getAppInfo({});
    const current = useAppStore.getState().filePath;
    target = await askForPath(
      'Open design',
      'Path of a .cognito-design.json file on this computer.',
      current ?? `${info.workingDirectory}/`,
      'Open',
    );
    if (!target) return;
  }
  try {
    const opened = await host.openDesign(target === undefined ? {} : { path: target });
    if ('canceled' in opened) return;
    const design = await parseOrReport(opened.path, opened.content);
    if (!design) return;
    showLoaded(design, opened.path);
    await host.clearRecovery({});
    notify('success', `Opened ${fileName(opened.path)}`);
  } catch (error) {
    await showIssues('Cannot open this design', messageOf(error), []);
  }
}

export async function saveDesign(options: { saveAs?: boolean } = {}): Promise<boolean> {
  // A field being edited commits on blur; saving must include what the user just typed.
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  if (!(await policyDraftsAllowed('Save'))) return false;
  const host = getHost();
  const state = useAppStore.getState();
  const design = state.design;
  let path = state.filePath;
  const browser = getAppMode() === 'browser';
  if ((options.saveAs || !path) && browser) {
    const info = await host.getAppInfo({});
    path = await askForPath(
      options.saveAs ? 'Save design as' : 'Save design',
      'Where to write the design file (it is replaced atomically).',
      path ?? `${info.workingDirectory}/design.cognito-design.json`,
      'Save',
    );
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
    await host.clearRecovery({});
    notify('success', `Saved ${fileName(saved.path)}`);
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

/**
 * Keeps the title and the shell's dirty flag current and autosaves unsaved work to the recovery
 * file (debounced). Returns the unsubscribe function.
 */
export function startDocumentSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastTitle = '';
  let lastDirty: boolean | undefined;
  const host = getHost();
  const sync = (): void => {
    const state = useAppStore.getState();
    const dirty = isDirty(state);
    const title = windowTitle({ design: state.design, filePath: state.filePath, dirty });
    if (title !== lastTitle || dirty !== lastDirty) {
      document.title = title;
      lastTitle = title;
      lastDirty = dirty;
      host.setDocumentState({ title, dirty }).catch(() => undefined);
    }
  };
  sync();
  let lastDesign = useAppStore.getState().design;
  const unsubscribe = useAppStore.subscribe((state) => {
    sync();
    if (state.design === lastDesign) return;
    lastDesign = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const current = useAppStore.getState();
      if (!isDirty(current)) return;
      host
        .writeRecovery({
          content: serializeDesign(current.design),
          ...(current.filePath ? { path: current.filePath } : {}),
        })
        .catch((error: unknown) => notify('error', `Autosave failed: ${messageOf(error)}`));
    }, AUTOSAVE_DELAY_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
