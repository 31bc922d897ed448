// Completion, hover and quick-fix providers of the policy language, registered once. Each model
// (one per policy document) has its language context here, keyed by model URI.

import type * as Monaco from 'monaco-editor/editor/editor.api';
import { completePolicy } from '../../shared/policy-language/completion';
import type { CompletionKind } from '../../shared/policy-language/completion-types';
import type { PolicyLanguageContext } from '../../shared/policy-language/context';
import { hoverPolicy } from '../../shared/policy-language/hover';
import { quickFixesAt, type MarkerData } from './quick-fix-actions';

const contexts = new Map<string, PolicyLanguageContext>();

export function setModelContext(uri: string, context: PolicyLanguageContext): void {
  contexts.set(uri, context);
}

export function modelContext(uri: string): PolicyLanguageContext | undefined {
  return contexts.get(uri);
}

function completionKind(monaco: typeof Monaco, kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  const map: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    property: kinds.Property,
    value: kinds.Value,
    module: kinds.Module,
    function: kinds.Function,
    variable: kinds.Variable,
    operator: kinds.Operator,
    snippet: kinds.Snippet,
  };
  return map[kind];
}

function rangeOf(
  model: Monaco.editor.ITextModel,
  monaco: typeof Monaco,
  start: number,
  end: number,
): Monaco.Range {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

export function registerPolicyProviders(monaco: typeof Monaco, language: string): void {
  monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: ['"', ':', '$', '{', '/'],
    async provideCompletionItems(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return { suggestions: [] };
      const started = performance.now();
      const text = model.getValue();
      const result = await completePolicy(text, model.getOffsetAt(position), context);
      performance.measure('policy-completion', { start: started, end: performance.now() });
      const range = rangeOf(model, monaco, result.replaceStart, result.replaceEnd);
      return {
        // Ask again on every keystroke: what is offered depends on the text typed so far (`${`, `:`).
        incomplete: true,
        suggestions: result.items.map((item) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          insertText: item.insertText,
          insertTextRules: item.snippet
            ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet
            : undefined,
          detail: item.detail,
          documentation: item.documentation ? { value: item.documentation } : undefined,
          filterText: item.filterText,
          sortText: item.sortText,
          range,
          command: item.retrigger ? { id: 'editor.action.triggerSuggest', title: 'Suggest' } : undefined,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(language, {
    async provideHover(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return undefined;
      const hover = await hoverPolicy(model.getValue(), model.getOffsetAt(position), context);
      if (!hover) return undefined;
      return { contents: [{ value: hover.markdown }], range: rangeOf(model, monaco, hover.start, hover.end) };
    },
  });
  monaco.languages.registerCodeActionProvider(language, {
    async provideCodeActions(model, range, codeActionContext) {
      const context = contexts.get(model.uri.toString());
      if (!context) return { actions: [], dispose() {} };
      const fixes = await quickFixesAt(
        model.getValue(),
        model.getOffsetAt(range.getStartPosition()),
        codeActionContext.markers as MarkerData[],
        context,
      );
      return {
        actions: fixes.map((fix): Monaco.languages.CodeAction => ({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: fix.marker ? [fix.marker as Monaco.editor.IMarkerData] : undefined,
          isPreferred: fix.marker !== undefined,
          edit: {
            edits: fix.edits.map((edit) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: {
                range: rangeOf(model, monaco, edit.offset, edit.offset + edit.length),
                text: edit.content,
              },
            })),
          },
        })),
        dispose() {},
      };
    },
  });
}
