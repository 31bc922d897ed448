// The Monaco editor of one policy document (loaded lazily, in its own chunk). Typing is stored as
// one undoable edit per pause: in the design once the text is a JSON object, otherwise as the
// policy's draft in the store (state/policy-drafts.ts). When the store changes underneath (undo,
// redo, the inspector, a recovery), the text follows it. Markers are computed after a pause, off
// the typing path.

import { useEffect, useRef, type ReactElement } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { NativeEditAction } from '../../shared/host/api';
import type { PolicyLanguageContext } from '../../shared/policy-language/context';
import { nodeAtJsonPath } from '../../shared/policy-language/json-position';
import { insertTemplateEdits } from '../../shared/policy-language/templates';
import type { Finding } from '../../shared/review';
import { policyMarkers } from './diagnostics';
import { setActivePolicyEditor } from './editor-handle';
import { setUpMonaco } from './monaco-setup';
import { documentText } from './policy-source';
import { setModelContext } from './providers';

export const COMMIT_DELAY_MS = 400;

/** Monaco's commands for the Edit menu; the editor keeps its own undo history apart from the page's. */
const monacoEditCommands: Record<NativeEditAction, string> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'editor.action.clipboardCutAction',
  copy: 'editor.action.clipboardCopyAction',
  paste: 'editor.action.clipboardPasteAction',
  delete: 'deleteRight',
  selectAll: 'editor.action.selectAll',
};
export const DIAGNOSTICS_DELAY_MS = 150;

/** What the store holds for a policy: the document in the design and the draft, if any. */
export interface StoredPolicy {
  document: unknown;
  draft: string | undefined;
}

export interface MonacoPolicyEditorProps {
  policyKey: string;
  document: unknown;
  /** Text of the policy that is not valid JSON yet (the store's draft), shown instead of the document. */
  draft: string | undefined;
  readOnly: boolean;
  theme: 'light' | 'dark';
  context: PolicyLanguageContext;
  findings: readonly Finding[];
  /** Changes whenever the editor is asked to reveal `jsonPath` again. */
  reveal: object;
  jsonPath?: string;
  /** Stores the text (state/policy-drafts.ts) as one undoable edit. */
  onText(text: string): void;
  /** The store's current state of this policy, read right after `onText`. */
  readStored(): StoredPolicy;
}

const models = new Map<string, Monaco.editor.ITextModel>();
/** The stored state each model's text last took over, so only changes made elsewhere replace the text. */
const applied = new Map<string, StoredPolicy>();

function sameDocument(text: string, document: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(document);
  } catch {
    return false;
  }
}

/** Whether the editor's text already shows the stored state (same draft, or the same document). */
function showsStored(text: string, stored: StoredPolicy): boolean {
  return stored.draft !== undefined ? text === stored.draft : sameDocument(text, stored.document);
}

function storedText(stored: StoredPolicy): string {
  return stored.draft ?? documentText(stored.document);
}

function modelFor(monaco: typeof Monaco, key: string, text: string): Monaco.editor.ITextModel {
  let model = models.get(key);
  if (!model || model.isDisposed()) {
    model = monaco.editor.createModel(
      text,
      'iam-policy',
      monaco.Uri.parse(`policy://design/${encodeURIComponent(key)}.json`),
    );
    models.set(key, model);
    applied.delete(key);
  }
  return model;
}

export default function MonacoPolicyEditor(props: MonacoPolicyEditorProps): ReactElement {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  const monaco = setUpMonaco();
  const applyingStored = useRef(false);
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | undefined>(undefined);
  const diagnosticsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function scheduleDiagnostics(): void {
    clearTimeout(diagnosticsTimer.current);
    diagnosticsTimer.current = setTimeout(() => {
      const model = editor.current?.getModel();
      if (!model) return;
      const version = model.getVersionId();
      const started = performance.now();
      void policyMarkers(monaco, model, latest.current.context, latest.current.findings).then((markers) => {
        performance.measure('policy-diagnostics', { start: started, end: performance.now() });
        if (!model.isDisposed() && model.getVersionId() === version)
          monaco.editor.setModelMarkers(model, 'policy', markers);
      });
    }, DIAGNOSTICS_DELAY_MS);
  }

  function commit(): void {
    commitTimer.current = undefined;
    const model = editor.current?.getModel();
    const { policyKey, readOnly } = latest.current;
    if (!model || readOnly) return;
    latest.current.onText(model.getValue());
    // The store now reflects this text: its update must not replace what is typed meanwhile.
    applied.set(policyKey, latest.current.readStored());
  }

  useEffect(() => {
    if (!container.current) return;
    const instance = monaco.editor.create(container.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      quickSuggestions: { strings: true, other: true, comments: false },
      suggest: { showWords: false },
      wordBasedSuggestions: 'off',
      lightbulb: { enabled: 'on' as Monaco.editor.ShowLightbulbIconMode },
      ariaLabel: 'Policy document',
    });
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
    const subscription = instance.onDidChangeModelContent(() => {
      scheduleDiagnostics();
      if (applyingStored.current) return;
      clearTimeout(commitTimer.current);
      commitTimer.current = setTimeout(commit, COMMIT_DELAY_MS);
    });
    // Leaving the editor, saving or replacing the design stores what was typed right away.
    const commitNow = (): void => {
      if (commitTimer.current === undefined) return;
      clearTimeout(commitTimer.current);
      commit();
    };
    const blurSubscription = instance.onDidBlurEditorText(commitNow);
    setActivePolicyEditor({
      commitPending: commitNow,
      focus: () => instance.focus(),
      runEditAction(action) {
        instance.focus();
        instance.trigger('menu', monacoEditCommands[action], null);
      },
      insertTemplate(template) {
        const model = instance.getModel();
        if (!model || instance.getOption(monaco.editor.EditorOption.readOnly)) return;
        const edits = insertTemplateEdits(model.getValue(), template, latest.current.context.account);
        instance.pushUndoStop();
        instance.executeEdits(
          'template',
          edits.map((edit) => {
            const start = model.getPositionAt(edit.offset);
            const end = model.getPositionAt(edit.offset + edit.length);
            return {
              range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
              text: edit.content,
            };
          }),
        );
        instance.pushUndoStop();
        instance.focus();
      },
    });
    return () => {
      // Store what was typed before the editor goes away (closing the editor loses nothing).
      if (commitTimer.current !== undefined) {
        clearTimeout(commitTimer.current);
        commit();
      }
      clearTimeout(diagnosticsTimer.current);
      subscription.dispose();
      blurSubscription.dispose();
      setActivePolicyEditor(undefined);
      instance.dispose();
      editor.current = undefined;
    };
    // The editor instance lives as long as the component; props are read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Show the policy's model; when the stored document or draft changed elsewhere (undo, redo, the
  // inspector, a recovery), replace the text as an edit so the editor's own undo still works.
  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const stored: StoredPolicy = { document: props.document, draft: props.draft };
    const model = modelFor(monaco, props.policyKey, storedText(stored));
    setModelContext(model.uri.toString(), props.context);
    if (instance.getModel() !== model) instance.setModel(model);
    const last = applied.get(props.policyKey);
    const changedElsewhere =
      last !== undefined && (last.document !== stored.document || last.draft !== stored.draft);
    if (changedElsewhere && !showsStored(model.getValue(), stored)) {
      // The replaced text stays in the editor's own undo history (Ctrl+Z inside the editor).
      applyingStored.current = true;
      try {
        instance.pushUndoStop();
        model.pushEditOperations(
          [],
          [{ range: model.getFullModelRange(), text: storedText(stored) }],
          () => null,
        );
        instance.pushUndoStop();
      } finally {
        applyingStored.current = false;
      }
    }
    applied.set(props.policyKey, stored);
    instance.updateOptions({ readOnly: props.readOnly });
    scheduleDiagnostics();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.policyKey, props.document, props.draft, props.readOnly, props.context, props.findings]);

  useEffect(() => {
    monaco.editor.setTheme(props.theme === 'dark' ? 'policy-dark' : 'policy-light');
  }, [monaco, props.theme]);

  // Reveal and highlight the statement or element named by `jsonPath`.
  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    const node = props.jsonPath ? nodeAtJsonPath(model.getValue(), props.jsonPath) : undefined;
    if (!node) {
      decorations.current?.clear();
      return;
    }
    const start = model.getPositionAt(node.offset);
    const end = model.getPositionAt(node.offset + node.length);
    const range = new monaco.Range(
      start.lineNumber,
      1,
      end.lineNumber,
      model.getLineMaxColumn(end.lineNumber),
    );
    decorations.current?.set([
      {
        range,
        options: {
          isWholeLine: true,
          className: 'policy-editor__highlight',
          linesDecorationsClassName: 'policy-editor__highlight-gutter',
        },
      },
    ]);
    instance.revealRangeInCenter(range);
    instance.setPosition(start);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.reveal, props.policyKey]);

  return <div className="policy-editor__monaco" ref={container} data-testid="policy-monaco" />;
}
