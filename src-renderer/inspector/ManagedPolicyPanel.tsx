import type { ReactElement } from 'react';
import { managedPolicyArn } from '../../shared/model/keys';
import type { PolicyDocument } from '../../shared/iam/types';
import type { ManagedPolicy, ModelIssue } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { JsonField, TextField } from './fields';
import { useEntityUpdate } from './use-entity';

export function ManagedPolicyPanel({
  policy,
  path,
  issues,
}: {
  policy: ManagedPolicy;
  path: string;
  issues: readonly ModelIssue[];
}): ReactElement {
  const update = useEntityUpdate<ManagedPolicy>('managedPolicy', policy.id);
  const account = useAppStore((state) => state.design.account);
  return (
    <>
      <TextField
        label="Name"
        value={policy.name}
        onCommit={(name) => update({ name })}
        issues={issues}
        path={`${path}.name`}
        testId="field-name"
      />
      <TextField
        label="Path"
        value={policy.path}
        onCommit={(value) => update({ path: value })}
        issues={issues}
        path={`${path}.path`}
        hint="/ or /a/b/"
      />
      <TextField
        label="Description"
        value={policy.description ?? ''}
        onCommit={(description) => update(description ? { description } : { description: undefined })}
        issues={issues}
        path={`${path}.description`}
        multiline
      />
      <div className="readonly">
        <span className="readonly__label">ARN</span>
        <code>{managedPolicyArn(account, policy)}</code>
      </div>
      <JsonField
        label="Policy document"
        value={policy.document}
        onCommit={(document) => update({ document: document as PolicyDocument })}
        issues={issues}
        path={`${path}.document`}
      />
    </>
  );
}
