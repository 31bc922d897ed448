// File ▸ Export…: the design as CloudFormation (YAML or JSON) or Terraform, with a preview, the
// notes on what to finish before deploying, and Save through the host (atomic write; the desktop
// shows its save dialog, browser mode asks for a path). A design with errors is not exported.

import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ExportFormat } from '../../shared/host/api';
import { exportIac, type IacFile, type IacExportOptions } from '../../shared/export/iac';
import { formatIssue } from '../../shared/model/io';
import type { DesignDocument } from '../../shared/model/types';
import { validateDesign } from '../../shared/model/validate';
import { exportFile } from '../state/export-file';
import { useAppStore } from '../state/store';
import { closeExportDialog, useExportDialog } from './export-dialog-state';
import './export.css';

interface Choice {
  id: string;
  label: string;
  options: IacExportOptions;
  /** The host's name of the format (it decides which file extensions may be written). */
  hostFormat: ExportFormat;
}

const CHOICES: readonly Choice[] = [
  {
    id: 'cloudformation-yaml',
    label: 'CloudFormation (YAML)',
    options: { format: 'cloudformation', syntax: 'yaml' },
    hostFormat: 'yaml',
  },
  {
    id: 'cloudformation-json',
    label: 'CloudFormation (JSON)',
    options: { format: 'cloudformation', syntax: 'json' },
    hostFormat: 'json',
  },
  { id: 'terraform', label: 'Terraform', options: { format: 'terraform' }, hostFormat: 'terraform' },
];

type Preparation = { ok: true; file: IacFile } | { ok: false; errors: string[] };

function prepare(design: DesignDocument, choice: Choice): Preparation {
  const errors = validateDesign(design).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) return { ok: false, errors: errors.map(formatIssue) };
  return { ok: true, file: exportIac(design, choice.options) };
}

export function ExportDialog(): ReactElement | null {
  const open = useExportDialog((state) => state.open);
  return open ? <ExportDialogContent /> : null;
}

function ExportDialogContent(): ReactElement {
  const design = useAppStore((state) => state.design);
  const [choiceId, setChoiceId] = useState(CHOICES[0]!.id);
  const [saving, setSaving] = useState(false);
  const choice = CHOICES.find((candidate) => candidate.id === choiceId) ?? CHOICES[0]!;
  const prepared = useMemo(() => prepare(design, choice), [design, choice]);
  const firstRadio = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    firstRadio.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const save = async (): Promise<void> => {
    if (!prepared.ok) return;
    setSaving(true);
    const written = await exportFile({
      format: choice.hostFormat,
      suggestedName: prepared.file.fileName,
      content: prepared.file.text,
      title: `Export ${prepared.file.label}`,
    });
    setSaving(false);
    if (written) closeExportDialog();
  };

  return (
    <div
      className="dialog-backdrop export-dialog-backdrop"
      // Keys stay in the dialog: Delete or Ctrl+S must not reach the canvas and the app's shortcuts.
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') closeExportDialog();
      }}
    >
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-dialog-title"
        data-testid="export-dialog"
      >
        <h2 className="dialog__title" id="export-dialog-title">
          Export infrastructure as code
        </h2>
        <p className="dialog__message">
          Identity pools with their role mappings and principal tags, IAM roles and policies, and the
          OIDC/SAML providers the pools accept. Existing user pools are parameters, not created.
        </p>
        <fieldset className="export-dialog__formats">
          <legend>Format</legend>
          {CHOICES.map((candidate, index) => (
            <label key={candidate.id} className="export-dialog__format">
              <input
                ref={index === 0 ? firstRadio : undefined}
                type="radio"
                name="export-format"
                value={candidate.id}
                checked={candidate.id === choice.id}
                onChange={() => setChoiceId(candidate.id)}
              />
              {candidate.label}
            </label>
          ))}
        </fieldset>
        {prepared.ok ? (
          <>
            {prepared.file.notes.length > 0 ? (
              <ul className="export-dialog__notes" data-testid="export-notes" aria-label="Before deploying">
                {prepared.file.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
            <div className="export-dialog__file">
              <span>{prepared.file.fileName}</span>
              <span className="muted">{`${prepared.file.text.split('\n').length - 1} lines`}</span>
            </div>
            <pre
              className="export-dialog__preview"
              tabIndex={0}
              aria-label="Preview"
              data-testid="export-preview"
            >
              {prepared.file.text}
            </pre>
          </>
        ) : (
          <div className="export-dialog__errors" role="alert" data-testid="export-errors">
            <p>{`The design has ${prepared.errors.length} error(s); fix them before exporting.`}</p>
            <ul>
              {prepared.errors.slice(0, 10).map((error) => (
                <li key={error}>
                  <code>{error}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={closeExportDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!prepared.ok || saving}
            onClick={() => void save()}
          >
            {saving ? 'Saving…' : 'Save…'}
          </button>
        </div>
      </div>
    </div>
  );
}
