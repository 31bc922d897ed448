// Small form controls of the simulator: labelled fields (any control, a drop-down, a text input)
// and the rows editor for claims, SAML attributes and user attributes (names proposed from a list,
// values as text).

import { useId, type ReactElement, type ReactNode } from 'react';
import { SuggestionList } from '../shell/SuggestionList';
import type { ClaimRow } from './identity';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="sim-field">
      <label className="sim-field__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      {hint ? <div className="sim-field__hint">{hint}</div> : null}
    </div>
  );
}

/** A labelled drop-down; `children` are its options. */
export function SelectField({
  label,
  hint,
  value,
  onChange,
  children,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}): ReactElement {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id) => (
        <select
          id={id}
          className="field__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

/** A labelled one-line text input, with proposals from `suggestions` when given. */
export function TextField({
  label,
  hint,
  value,
  onChange,
  suggestions,
  placeholder,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  suggestions?: readonly string[];
  placeholder?: string;
}): ReactElement {
  const listId = useId();
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id) => (
        <>
          <input
            id={id}
            className="field__input"
            value={value}
            {...(suggestions ? { list: listId } : {})}
            {...(placeholder ? { placeholder } : {})}
            onChange={(event) => onChange(event.target.value)}
          />
          <SuggestionList id={listId} suggestions={suggestions} />
        </>
      )}
    </Field>
  );
}

export function ClaimRows({
  rows,
  names,
  noun,
  onChange,
}: {
  rows: ClaimRow[];
  names: string[];
  noun: string;
  onChange(rows: ClaimRow[]): void;
}): ReactElement {
  const listId = useId();
  const update = (index: number, patch: Partial<ClaimRow>): void =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="sim-claims" data-testid="sim-claims">
      <SuggestionList id={listId} suggestions={names} />
      {rows.map((row, index) => (
        <div className="sim-claims__row" key={index}>
          <input
            className="field__input sim-claims__name"
            aria-label={`${noun} ${index + 1} name`}
            list={listId}
            value={row.name}
            placeholder="name"
            onChange={(event) => update(index, { name: event.target.value })}
          />
          <input
            className="field__input sim-claims__value"
            aria-label={`${noun} ${index + 1} value`}
            value={row.value}
            placeholder='value (true/false, ["a","b"] for a list)'
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${noun} ${index + 1}`}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...rows, { name: '', value: '' }])}
      >
        Add {noun}
      </button>
    </div>
  );
}
