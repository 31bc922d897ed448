// Form fields of the inspector. Text fields commit as the person types (nothing waits in a text
// box for a blur that may never come); the keystrokes of one field edit are one undo step
// (field-session.ts). Each field shows the issues whose JSON path points at it.

import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { ModelIssue } from '../../shared/model/types';
import { beginFieldEdit, endFieldEdit, setPendingDraft } from './field-session';
import { issuesUnder } from './issues';
import { SuggestionList } from '../shell/SuggestionList';

export function IssueList({ issues }: { issues: readonly ModelIssue[] }): ReactElement | null {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" data-testid="field-issues">
      {issues.map((issue) => (
        <li
          key={`${issue.path}:${issue.message}`}
          className={`issue issue--${issue.severity}`}
          data-code={issue.code}
        >
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldShellProps {
  label: string;
  hint?: string;
  issues: readonly ModelIssue[];
  localError?: string | undefined;
  children: (id: string) => ReactNode;
}

function FieldShell({ label, hint, issues, localError, children }: FieldShellProps): ReactElement {
  const id = useId();
  const invalid = localError !== undefined || issues.some((issue) => issue.severity === 'error');
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      {hint ? <div className="field__hint">{hint}</div> : null}
      {localError ? <div className="issue issue--error">{localError}</div> : null}
      <IssueList issues={issues} />
    </div>
  );
}

/**
 * The draft of one text field, committed on every change. While the field has focus the draft is
 * the person's text (a commit may normalise the stored value, e.g. trimmed lines); outside it, the
 * draft follows the design (undo, another entity). `commit` returns false when the text cannot go
 * into the design yet; the draft then stays and counts as unsaved.
 */
function useLiveDraft(label: string, value: string, commit: (text: string) => boolean) {
  const [draft, setDraft] = useState(value);
  const [token] = useState(() => Symbol(label));
  const focused = useRef(false);
  const atFocus = useRef(value);
  const accepted = useRef(true);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  useEffect(
    () => () => {
      endFieldEdit(token);
      setPendingDraft(token, undefined);
    },
    [token],
  );
  const change = (text: string): void => {
    setDraft(text);
    beginFieldEdit(token);
    accepted.current = commit(text);
    setPendingDraft(token, accepted.current ? undefined : label);
  };
  return {
    draft,
    change,
    onFocus: () => {
      focused.current = true;
      atFocus.current = value;
    },
    onBlur: () => {
      focused.current = false;
      endFieldEdit(token);
      if (accepted.current) setDraft(value);
    },
    /** Enter: this edit is done; the next keystroke starts a new undo step, Escape returns here. */
    finish: () => {
      endFieldEdit(token);
      atFocus.current = value;
    },
    /** Escape: back to the text the field had when it got focus. */
    revert: () => {
      change(atFocus.current);
      endFieldEdit(token);
    },
  };
}

export interface TextFieldProps {
  label: string;
  value: string;
  /** Called on every change; return false when the text cannot be stored yet (it stays as a draft). */
  onCommit(value: string): void | boolean;
  /** Issues of the whole entity; those under `path` are shown here. */
  issues?: readonly ModelIssue[];
  path?: string;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** Immediate check while typing (e.g. a length limit); a message blocks nothing, it informs. */
  check?(value: string): string | undefined;
  multiline?: boolean;
  testId?: string;
  /** Values to propose (a datalist), e.g. the claims a provider issues. */
  suggestions?: readonly string[];
}

export function TextField({
  label,
  value,
  onCommit,
  issues = [],
  path,
  hint,
  placeholder,
  maxLength,
  check,
  multiline,
  testId,
  suggestions,
}: TextFieldProps): ReactElement {
  const live = useLiveDraft(label, value, (text) => text === value || onCommit(text) !== false);
  const listId = useId();
  const own = path ? issuesUnder(issues, path) : [];
  // What the one-line input and the multi-line text area have in common.
  const common = {
    value: live.draft,
    placeholder,
    maxLength,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => live.change(event.target.value),
    onFocus: live.onFocus,
    onBlur: live.onBlur,
    'data-testid': testId,
  };
  return (
    <FieldShell label={label} hint={hint} issues={own} localError={check?.(live.draft)}>
      {(id) =>
        multiline ? (
          <textarea id={id} className="field__input field__input--multiline" rows={3} {...common} />
        ) : (
          <>
            <input
              id={id}
              className="field__input"
              list={suggestions && suggestions.length > 0 ? listId : undefined}
              onKeyDown={(event) => {
                if (event.key === 'Enter') live.finish();
                if (event.key === 'Escape') live.revert();
              }}
              {...common}
            />
            <SuggestionList id={listId} suggestions={suggestions} />
          </>
        )
      }
    </FieldShell>
  );
}

export function NumberField(props: {
  label: string;
  value: number | undefined;
  onCommit(value: number | undefined): void;
  issues?: readonly ModelIssue[];
  path?: string;
  hint?: string;
  min?: number;
  max?: number;
  optional?: boolean;
}): ReactElement {
  const { label, value, onCommit, issues = [], path, hint, min, max, optional } = props;
  const text = value === undefined ? '' : String(value);
  const check = (draft: string): string | undefined => {
    if (draft.trim() === '') return optional ? undefined : 'A number is required.';
    const number = Number(draft);
    if (!Number.isInteger(number)) return 'Enter a whole number.';
    if (min !== undefined && number < min) return `At least ${min}.`;
    if (max !== undefined && number > max) return `At most ${max}.`;
    return undefined;
  };
  return (
    <TextField
      label={label}
      value={text}
      issues={issues}
      {...(path ? { path } : {})}
      {...(hint ? { hint } : {})}
      check={check}
      onCommit={(draft) => {
        if (check(draft)) return false;
        onCommit(draft.trim() === '' ? undefined : Number(draft));
        return true;
      }}
    />
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  testId?: string;
}): ReactElement {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      <span>
        {label}
        {hint ? <span className="checkbox__hint">{hint}</span> : null}
      </span>
    </label>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  issues?: readonly ModelIssue[];
  path?: string;
  hint?: string;
  testId?: string;
}): ReactElement {
  const { label, value, options, onChange, issues = [], path, hint, testId } = props;
  return (
    <FieldShell label={label} {...(hint ? { hint } : {})} issues={path ? issuesUnder(issues, path) : []}>
      {(id) => (
        <select
          id={id}
          className="field__input"
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
          data-testid={testId}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A list of strings edited one per line. */
export function LinesField(props: {
  label: string;
  values: readonly string[];
  onCommit(values: string[]): void;
  issues?: readonly ModelIssue[];
  path?: string;
  hint?: string;
  placeholder?: string;
}): ReactElement {
  const { label, values, onCommit, issues = [], path, hint, placeholder } = props;
  return (
    <TextField
      label={label}
      value={values.join('\n')}
      multiline
      issues={issues}
      {...(path ? { path } : {})}
      hint={hint ?? 'One per line.'}
      {...(placeholder ? { placeholder } : {})}
      onCommit={(text) =>
        onCommit(
          text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line.length > 0),
        )
      }
    />
  );
}

/** A JSON document (policy) edited as text; commits only when it parses. */
export function JsonField(props: {
  label: string;
  value: unknown;
  onCommit(value: unknown): void;
  issues?: readonly ModelIssue[];
  path?: string;
  hint?: string;
  testId?: string;
}): ReactElement {
  const { label, value, onCommit, issues = [], path, hint, testId } = props;
  const text = JSON.stringify(value, null, 2);
  const live = useLiveDraft(label, text, (draft) => {
    if (draft === text) return true;
    try {
      onCommit(JSON.parse(draft));
      return true;
    } catch {
      return false;
    }
  });
  const draft = live.draft;
  let parseError: string | undefined;
  try {
    JSON.parse(draft);
  } catch (error) {
    parseError = `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  return (
    <FieldShell
      label={label}
      {...(hint ? { hint } : {})}
      issues={path ? issuesUnder(issues, path) : []}
      localError={parseError}
    >
      {(id) => (
        <textarea
          id={id}
          className="field__input field__input--code"
          value={draft}
          spellCheck={false}
          rows={Math.min(18, Math.max(5, draft.split('\n').length))}
          onChange={(event) => live.change(event.target.value)}
          onFocus={live.onFocus}
          onBlur={live.onBlur}
          data-testid={testId}
        />
      )}
    </FieldShell>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}): ReactElement {
  return (
    <section className="inspector__section">
      <header className="inspector__section-header">
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}
