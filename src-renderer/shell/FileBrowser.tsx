// Browser mode's Open / Save dialogs: a small file browser of the workspace folder. The host lists
// folders and design files and confines every path to the workspace, so there is no free-text
// path to mistype (or to aim at a file outside it).

import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { HostResponse } from '../../shared/host/api';
import { getHost, HostCallError } from '../host/client';
import type { DialogRequest } from './dialogs';

type Listing = HostResponse<'listWorkspace'>;

/** Small outline icons (emoji are missing from many Linux font sets). */
function EntryIcon({ kind }: { kind: 'directory' | 'design' | 'up' }): ReactElement {
  const path =
    kind === 'directory'
      ? 'M1.5 3.5h4l1.5 1.5h7.5v8h-13z'
      : kind === 'up'
        ? 'M8 13V4M4 7.5L8 3.5l4 4'
        : 'M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3';
  return (
    <svg className="file-browser__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  );
}

function join(directory: string, name: string): string {
  return directory === '' ? name : `${directory}/${name}`;
}

function parentOf(directory: string): string {
  return directory.split('/').slice(0, -1).join('/');
}

export function FileBrowserDialog({
  dialog,
  done,
}: {
  dialog: Extract<DialogRequest, { kind: 'files' }>;
  done(): void;
}): ReactElement {
  const [directory, setDirectory] = useState('');
  const [listing, setListing] = useState<Listing | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [name, setName] = useState(dialog.mode === 'save' ? (dialog.suggestedName ?? '') : '');
  const nameInput = useRef<HTMLInputElement>(null);
  const extension = dialog.extension ?? '.cognito-design.json';

  useEffect(() => {
    let current = true;
    getHost()
      .listWorkspace(directory === '' ? {} : { directory })
      .then((result) => {
        if (!current) return;
        setListing(result);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure instanceof HostCallError ? failure.message : String(failure));
      });
    return () => {
      current = false;
    };
  }, [directory]);

  useEffect(() => {
    if (dialog.mode === 'save') {
      nameInput.current?.focus();
      const dot = nameInput.current?.value.indexOf('.') ?? -1;
      nameInput.current?.setSelectionRange(0, dot > 0 ? dot : null);
    }
  }, [dialog.mode]);

  const finish = (path: string | undefined): void => {
    done();
    dialog.resolve(path);
  };
  const submit = (): void => {
    const trimmed = name.trim();
    if (trimmed === '' || /[\\/]/.test(trimmed)) return;
    const withExtension =
      dialog.mode === 'save' && !trimmed.toLowerCase().endsWith(extension)
        ? `${trimmed}${extension}`
        : trimmed;
    finish(join(directory, withExtension));
  };
  const rootName = listing?.root.split(/[\\/]/).filter(Boolean).at(-1) ?? 'workspace';
  const crumbs = directory === '' ? [] : directory.split('/');

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="file-browser"
    >
      <h2 className="dialog__title">{dialog.title}</h2>
      <p className="dialog__message">
        {`Designs in the workspace folder ${listing?.root ?? ''}. Browser mode opens and saves files only here.`}
      </p>
      <nav className="file-browser__crumbs" aria-label="Folder">
        <button type="button" className="button button--small button--ghost" onClick={() => setDirectory('')}>
          {rootName}
        </button>
        {crumbs.map((crumb, index) => (
          <span key={crumbs.slice(0, index + 1).join('/')}>
            {' / '}
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setDirectory(crumbs.slice(0, index + 1).join('/'))}
            >
              {crumb}
            </button>
          </span>
        ))}
      </nav>
      {error ? <div className="issue issue--error">{error}</div> : null}
      <ul className="file-browser__list" aria-label="Files" data-testid="file-list">
        {directory !== '' ? (
          <li>
            <button
              type="button"
              className="file-browser__entry"
              onClick={() => setDirectory(parentOf(directory))}
            >
              <EntryIcon kind="up" /> ..
            </button>
          </li>
        ) : null}
        {listing?.entries.map((entry) => (
          <li key={`${entry.kind}:${entry.name}`}>
            <button
              type="button"
              className={`file-browser__entry${entry.kind === 'design' && entry.name === name.trim() ? ' file-browser__entry--chosen' : ''}`}
              onClick={() =>
                entry.kind === 'directory' ? setDirectory(join(directory, entry.name)) : setName(entry.name)
              }
              onDoubleClick={() => entry.kind === 'design' && finish(join(directory, entry.name))}
            >
              <EntryIcon kind={entry.kind} /> {entry.name}
            </button>
          </li>
        ))}
        {listing && listing.entries.length === 0 ? (
          <li className="muted">No designs in this folder.</li>
        ) : null}
      </ul>
      <label className="field__label" htmlFor="file-browser-name">
        {dialog.mode === 'save' ? 'File name' : 'Design'}
      </label>
      <input
        id="file-browser-name"
        ref={nameInput}
        className="field__input"
        value={name}
        onChange={(event) => setName(event.target.value)}
        spellCheck={false}
        readOnly={dialog.mode === 'open'}
        placeholder={dialog.mode === 'open' ? 'Choose a design above' : `name${extension}`}
        data-testid="file-name-input"
      />
      {/[\\/]/.test(name) ? (
        <div className="issue issue--error">A file name cannot contain / or \.</div>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => finish(undefined)}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={name.trim() === '' || /[\\/]/.test(name)}
        >
          {dialog.confirmLabel}
        </button>
      </div>
    </form>
  );
}

export function RecentFilesDialog({
  dialog,
  done,
}: {
  dialog: Extract<DialogRequest, { kind: 'recent' }>;
  done(): void;
}): ReactElement {
  const finish = (path: string | undefined): void => {
    done();
    dialog.resolve(path);
  };
  return (
    <>
      <h2 className="dialog__title">{dialog.title}</h2>
      {dialog.files.length === 0 ? (
        <p className="dialog__message">No recent designs yet: designs you open or save appear here.</p>
      ) : (
        <ul className="file-browser__list" aria-label="Recent designs" data-testid="recent-list">
          {dialog.files.map((file, index) => (
            <li key={file}>
              <button
                type="button"
                className="file-browser__entry"
                autoFocus={index === 0}
                title={file}
                onClick={() => finish(file)}
              >
                <span>{file.split(/[\\/]/).at(-1)}</span>
                <span className="muted file-browser__path">{file}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => finish(undefined)}>
          Cancel
        </button>
      </div>
    </>
  );
}
