import type { ReactElement } from 'react';
import { managedPolicyArn } from '../../shared/model/keys';
import type { ManagedPolicy, ModelIssue } from '../../shared/model/types';
import { useAppStore } from '../state/store';
import { DescriptionField, IamPathField, NameField, ReadonlyValue } from './controls';
import { openPolicy } from '../state/policy-focus';
import { IssueList } from './fields';
import { issuesUnder } from './issues';
import { OpenPolicyButton } from './RolePanel';
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
      <OpenPolicyButton
        label="Open in editor"
        onClick={() => openPolicy(useAppStore, { policy: { kind: 'managed', policyId: policy.id } })}
        testId="open-managed-policy"
      />
      <IssueList issues={issuesUnder(issues, `${path}.document`)} />
    </>
  );
}
