import type { ReactElement } from 'react';
import { managedPolicyArn } from '../../shared/model/keys';
import type { PolicyDocument } from '../../shared/iam/types';
import type { ManagedPolicy, ModelIssue } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { DescriptionField, IamPathField, NameField, ReadonlyValue } from './controls';
import { JsonField } from './fields';
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
      <NameField value={policy.name} onCommit={(name) => update({ name })} issues={issues} path={path} />
      <IamPathField
        value={policy.path}
        onCommit={(value) => update({ path: value })}
        issues={issues}
        path={path}
      />
      <DescriptionField
        value={policy.description}
        onCommit={(description) => update({ description })}
        issues={issues}
        path={path}
      />
      <ReadonlyValue label="ARN">{managedPolicyArn(account, policy)}</ReadonlyValue>
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
