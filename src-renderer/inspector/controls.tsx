// Pieces the entity panels share: the name, path and description fields every IAM entity has,
// the add and remove buttons of list sections, the header of one list item, a read-only value.

import type { ReactElement, ReactNode } from 'react';
import type { ModelIssue } from '../../shared/model/types';
import { TextField } from './fields';

interface EntityFieldProps<T> {
  value: T;
  onCommit(value: T): void;
  issues: readonly ModelIssue[];
  /** JSON path of the entity; the field's own path is below it. */
  path: string;
}

export function NameField({
  value,
  onCommit,
  issues,
  path,
  maxLength,
}: EntityFieldProps<string> & { maxLength?: number }): ReactElement {
  return (
    <TextField
      label="Name"
      value={value}
      onCommit={onCommit}
      issues={issues}
      path={`${path}.name`}
      {...(maxLength === undefined ? {} : { maxLength })}
      testId="field-name"
    />
  );
}

/** The IAM path of a role or managed policy. */
export function IamPathField({ value, onCommit, issues, path }: EntityFieldProps<string>): ReactElement {
  return (
    <TextField
      label="Path"
      value={value}
      onCommit={onCommit}
      issues={issues}
      path={`${path}.path`}
      hint="/ or /a/b/"
    />
  );
}

/** An optional description: clearing the text removes it. */
export function DescriptionField({
  value,
  onCommit,
  issues,
  path,
}: EntityFieldProps<string | undefined>): ReactElement {
  return (
    <TextField
      label="Description"
      value={value ?? ''}
      onCommit={(description) => onCommit(description || undefined)}
      issues={issues}
      path={`${path}.description`}
      multiline
    />
  );
}

export function ReadonlyValue({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <div className="readonly">
      <span className="readonly__label">{label}</span>
      <code>{children}</code>
    </div>
  );
}

/** The "+ Add" action in the header of a list section. */
export function AddButton({
  onClick,
  disabled,
  title,
  testId,
}: {
  onClick(): void;
  disabled?: boolean;
  title?: string;
  testId?: string;
}): ReactElement {
  return (
    <button
      type="button"
      className="button button--small"
      disabled={disabled}
      title={title}
      onClick={onClick}
      data-testid={testId}
    >
      + Add
    </button>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick(): void }): ReactElement {
  return (
    <button
      type="button"
      className="icon-button icon-button--danger"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      ✕
    </button>
  );
}

/** The head of one item of a list section: its name field and the button that removes it. */
export function ItemHeader({
  label,
  value,
  onRename,
  issues,
  path,
  removeLabel,
  onRemove,
}: {
  label: string;
  value: string;
  onRename(name: string): void;
  issues: readonly ModelIssue[];
  /** JSON path of the name. */
  path: string;
  removeLabel: string;
  onRemove(): void;
}): ReactElement {
  return (
    <div className="subcard__header">
      <TextField label={label} value={value} onCommit={onRename} issues={issues} path={path} />
      <RemoveButton label={removeLabel} onClick={onRemove} />
    </div>
  );
}
