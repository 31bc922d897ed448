// Monaco, bundled by Vite (no CDN, no network): the core editor API plus only the features the policy
// editor uses, its one worker imported with `?worker`, a small JSON tokenizer of our own (the JSON
// language service would add a second worker and its own completions), themes that follow the app,
// and the policy providers registered once per page (React StrictMode mounts twice).

import * as monaco from 'monaco-editor/editor/editor.api';
// The editor contributions the policy editor uses (the `features/*` entries of this Monaco version
// do not all include their controllers, so the contributions are named directly).
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerPolicyProviders } from './providers';

export const POLICY_LANGUAGE = 'iam-policy';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let initialised = false;

export function setUpMonaco(): typeof monaco {
  if (initialised) return monaco;
  initialised = true;
  window.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: POLICY_LANGUAGE, extensions: ['.json'], aliases: ['IAM policy'] });
  monaco.languages.setMonarchTokensProvider(POLICY_LANGUAGE, {
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
        [/"/, 'string', '@string'],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\],:]/, 'delimiter'],
      ],
      string: [
        [/\$\{[^}]*\}/, 'variable'],
        [/[^"\\$]+/, 'string'],
        [/\\./, 'string.escape'],
        [/\$/, 'string'],
        [/"/, 'string', '@pop'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(POLICY_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    // `:`, `*`, `$`, `/`, `-` and `.` belong to actions, keys, ARNs and variables.
    wordPattern: /[A-Za-z0-9_:*?$/.{}-]+/,
  });
  monaco.editor.defineTheme('policy-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'type', foreground: '0451a5' },
      { token: 'variable', foreground: '8a3ffc', fontStyle: 'bold' },
    ],
    colors: {},
  });
  monaco.editor.defineTheme('policy-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'type', foreground: '9cdcfe' },
      { token: 'variable', foreground: 'd4a6ff', fontStyle: 'bold' },
    ],
    colors: {},
  });
  registerPolicyProviders(monaco, POLICY_LANGUAGE);
  return monaco;
}

export type Monaco = typeof monaco;
