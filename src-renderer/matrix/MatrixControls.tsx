// The axes of the matrix: actions from the design's policies, by service (IAM catalog) or a typed
// list, narrowed by access level; resources from the design's policies (optionally by service)
// or a typed list. Text fields apply when they lose focus or on Enter, not on every key.

import { useEffect, useState, type ReactElement } from 'react';
import { ACCESS_LEVELS } from '../../shared/cognito';
import { useMatrixStore, type ActionSource, type ResourceSource } from './matrix-store';

function CommittedText({
  label,
  value,
  onCommit,
  placeholder,
  multiline = false,
  testId,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
  multiline?: boolean;
  testId: string;
}): ReactElement {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (): void => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className="matrix-field matrix-field--grow">
      <span>{label}</span>
      {multiline ? (
        <textarea
          rows={3}
          value={draft}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commit();
          }}
          data-testid={testId}
        />
      ) : (
        <input
          type="text"
          value={draft}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
          data-testid={testId}
        />
      )}
    </label>
  );
}

export function MatrixControls({ designServices }: { designServices: string[] }): ReactElement {
  const settings = useMatrixStore((state) => state.settings);
  const setSettings = useMatrixStore((state) => state.setSettings);
  return (
    <div className="matrix-controls" data-testid="matrix-controls">
      <fieldset className="matrix-controls__group">
        <legend>Actions</legend>
        <label className="matrix-field">
          <span>From</span>
          <select
            value={settings.actionSource}
            onChange={(event) => setSettings({ actionSource: event.target.value as ActionSource })}
            data-testid="action-source"
          >
            <option value="design">the design's policies</option>
            <option value="services">every action of services</option>
            <option value="list">a list</option>
          </select>
        </label>
        {settings.actionSource === 'services' ? (
          <CommittedText
            label="Services"
            value={settings.services}
            placeholder={designServices.join(', ') || 's3, dynamodb'}
            onCommit={(services) => setSettings({ services })}
            testId="action-services"
          />
        ) : null}
        {settings.actionSource === 'list' ? (
          <CommittedText
            label="Actions (one per line or comma separated; Ctrl+Enter applies)"
            value={settings.actionList}
            placeholder="s3:GetObject, s3:Put*"
            multiline
            onCommit={(actionList) => setSettings({ actionList })}
            testId="action-list"
          />
        ) : null}
        <div className="matrix-levels" role="group" aria-label="Access levels">
          {ACCESS_LEVELS.map((level) => (
            <label key={level} className="matrix-check">
              <input
                type="checkbox"
                checked={settings.accessLevels.includes(level)}
                onChange={(event) =>
                  setSettings({
                    accessLevels: event.target.checked
                      ? [...settings.accessLevels, level]
                      : settings.accessLevels.filter((entry) => entry !== level),
                  })
                }
              />
              {level}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="matrix-controls__group">
        <legend>Resources</legend>
        <label className="matrix-field">
          <span>From</span>
          <select
            value={settings.resourceSource}
            onChange={(event) => setSettings({ resourceSource: event.target.value as ResourceSource })}
            data-testid="resource-source"
          >
            <option value="design">the design's policies</option>
            <option value="list">a list</option>
          </select>
        </label>
        {settings.resourceSource === 'design' ? (
          <CommittedText
            label="Only services (optional)"
            value={settings.resourceServices}
            placeholder="all"
            onCommit={(resourceServices) => setSettings({ resourceServices })}
            testId="resource-services"
          />
        ) : (
          <CommittedText
            label="Resources (one ARN per line; Ctrl+Enter applies)"
            value={settings.resourceList}
            placeholder="arn:aws:s3:::bucket/*"
            multiline
            onCommit={(resourceList) => setSettings({ resourceList })}
            testId="resource-list"
          />
        )}
        <label className="matrix-check">
          <input
            type="checkbox"
            checked={settings.onlyAllowedRows}
            onChange={(event) => setSettings({ onlyAllowedRows: event.target.checked })}
            data-testid="only-allowed"
          />
          Only rows someone is allowed
        </label>
      </fieldset>
    </div>
  );
}
