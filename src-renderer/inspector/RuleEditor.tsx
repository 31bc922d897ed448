// The ordered rule editor of one role mapping. Order decides which rule wins (first match), so
// rules can be reordered by dragging the grip or with Alt+ArrowUp / Alt+ArrowDown on a focused
// rule. Limits of design.md §5.1 are enforced here as well as reported by validation.

import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactElement } from 'react';
import { claimsForProvider } from '../../shared/model/claims';
import { resolveProviderRef } from '../../shared/model/keys';
import { LIMITS } from '../../shared/model/limits';
import type { IdentityPool, MatchType, MappingRule, ModelIssue, RoleMapping } from '../../shared/model/types';
import {
  addRuleCommand,
  moveRuleCommand,
  removeMappingCommand,
  removeRuleCommand,
  updateMappingCommand,
  updateRuleCommand,
} from '../state/commands';
import { useAppStore } from '../state/store';
import { IssueList, SelectField, TextField } from './fields';
import { issuesUnder } from './issues';
import { providerRefLabel, roleOptions } from './refs';

const MATCH_TYPES: { value: MatchType; label: string }[] = [
  { value: 'Equals', label: 'Equals' },
  { value: 'Contains', label: 'Contains' },
  { value: 'StartsWith', label: 'StartsWith' },
  { value: 'NotEqual', label: 'NotEqual' },
];

function lengthCheck(what: string, range: { min: number; max: number }) {
  return (value: string): string | undefined => {
    if (value.length < range.min) return `${what} is required.`;
    if (value.length > range.max) return `${what} is at most ${range.max} characters.`;
    return undefined;
  };
}

const checkClaim = lengthCheck('Claim', LIMITS.claimLength);
const checkValue = lengthCheck('Value', LIMITS.ruleValueLength);

interface RuleEditorProps {
  pool: IdentityPool;
  mapping: RoleMapping;
  /** `$.identityPools[i].roleMappings[j]` */
  path: string;
  issues: readonly ModelIssue[];
}

export function RuleEditor({ pool, mapping, path, issues }: RuleEditorProps): ReactElement {
  const design = useAppStore((state) => state.design);
  const focusedRuleId = useAppStore((state) => state.ui.focusedRuleId);
  const run = useAppStore((state) => state.run);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const poolId = pool.id;
  const mappingId = mapping.id;

  useEffect(() => {
    if (!focusedRuleId) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-rule-id="${CSS.escape(focusedRuleId)}"]`);
    if (row && !row.contains(document.activeElement)) {
      row.scrollIntoView({ block: 'nearest' });
    }
  }, [focusedRuleId, mapping.rules]);

  function move(ruleId: string, toIndex: number): void {
    run(moveRuleCommand, { poolId, mappingId, ruleId, toIndex });
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-rule-id="${CSS.escape(ruleId)}"]`)?.focus(),
    );
  }

  function onRuleKeyDown(event: KeyboardEvent<HTMLLIElement>, ruleId: string, index: number): void {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(ruleId, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(ruleId, index + 1);
    }
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, index: number): void {
    if (!dragging) return;
    event.preventDefault();
    const bounds = event.currentTarget.getBoundingClientRect();
    setDropIndex(event.clientY < bounds.top + bounds.height / 2 ? index : index + 1);
  }

  function onDrop(event: DragEvent): void {
    event.preventDefault();
    if (dragging && dropIndex !== null) {
      const from = mapping.rules.findIndex((rule) => rule.id === dragging);
      move(dragging, dropIndex > from ? dropIndex - 1 : dropIndex);
    }
    setDragging(null);
    setDropIndex(null);
  }

  const mappingKey = resolveProviderRef(design, mapping.provider)?.mappingKey;
  const claims = claimsForProvider(design, mapping.provider);
  const ruleCount = mapping.rules.length;
  const atMax = ruleCount >= LIMITS.rulesPerMappingMax;
  const firstRole = design.roles[0];

  return (
    <div className="mapping" data-testid="role-mapping">
      <div className="mapping__header">
        <div className="mapping__provider" title="Role mapping for logins from this provider">
          <span data-testid="mapping-title">{providerRefLabel(design, mapping.provider)}</span>
          {mappingKey ? <code className="mapping__key">{mappingKey}</code> : null}
        </div>
        <button
          type="button"
          className="button button--small button--ghost button--danger mapping__remove"
          onClick={() => run(removeMappingCommand, { poolId, mappingId })}
        >
          Remove mapping
        </button>
      </div>
      <div className="field-row">
        <SelectField
          label="Type"
          value={mapping.type}
          options={[
            { value: 'Rules', label: 'Rules' },
            { value: 'Token', label: 'Token' },
          ]}
          onChange={(type) => run(updateMappingCommand, { poolId, mappingId, patch: { type } })}
          issues={issues}
          path={`${path}.type`}
        />
        <SelectField
          label="When no rule matches"
          value={mapping.ambiguousRoleResolution}
          options={[
            { value: 'AuthenticatedRole', label: 'Use authenticated role' },
            { value: 'Deny', label: 'Deny' },
          ]}
          onChange={(ambiguousRoleResolution) =>
            run(updateMappingCommand, { poolId, mappingId, patch: { ambiguousRoleResolution } })
          }
          issues={issues}
          path={`${path}.ambiguousRoleResolution`}
        />
      </div>
      {mapping.type === 'Rules' ? (
        <>
          <div className="rules__meta">
            <span>{`${ruleCount} rule${ruleCount === 1 ? '' : 's'} · first match wins`}</span>
            <span className="rules__hint">Drag ⠿ or Alt+↑/↓ to reorder</span>
          </div>
          {ruleCount > LIMITS.rulesPerMappingQuota ? (
            <div className="issue issue--warning">{`More than ${LIMITS.rulesPerMappingQuota} rules exceeds the documented Cognito quota for one mapping.`}</div>
          ) : null}
          <ol
            className="rules"
            ref={list}
            onDragOver={(event) => event.preventDefault()}
            onDrop={onDrop}
            data-testid="rules"
          >
            {mapping.rules.map((rule, index) => {
              const rulePath = `${path}.rules[${index}]`;
              const ruleIssues = issuesUnder(issues, rulePath);
              const updateRule = (patch: Partial<Omit<MappingRule, 'id'>>): void =>
                run(updateRuleCommand, { poolId, mappingId, ruleId: rule.id, patch });
              return (
                <li
                  key={rule.id}
                  data-rule-id={rule.id}
                  data-testid="rule"
                  tabIndex={0}
                  aria-label={`Rule ${index + 1}: ${rule.claim} ${rule.matchType} ${rule.value}`}
                  className={`rule${focusedRuleId === rule.id ? ' rule--focused' : ''}${dragging === rule.id ? ' rule--dragging' : ''}${dropIndex === index ? ' rule--drop-before' : ''}${dropIndex === index + 1 && index === ruleCount - 1 ? ' rule--drop-after' : ''}`}
                  onKeyDown={(event) => onRuleKeyDown(event, rule.id, index)}
                  onDragOver={(event) => onDragOver(event, index)}
                >
                  <div className="rule__head">
                    <span
                      className="rule__grip"
                      draggable
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', rule.id);
                        setDragging(rule.id);
                      }}
                      onDragEnd={() => {
                        setDragging(null);
                        setDropIndex(null);
                      }}
                      title="Drag to reorder"
                      aria-hidden="true"
                    >
                      ⠿
                    </span>
                    <span className="rule__order">{`#${index + 1}`}</span>
                    <span className="rule__actions">
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => move(rule.id, index - 1)}
                        disabled={index === 0}
                        aria-label={`Move rule ${index + 1} up`}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => move(rule.id, index + 1)}
                        disabled={index === ruleCount - 1}
                        aria-label={`Move rule ${index + 1} down`}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button--danger"
                        onClick={() => run(removeRuleCommand, { poolId, mappingId, ruleId: rule.id })}
                        aria-label={`Delete rule ${index + 1}`}
                      >
                        ✕
                      </button>
                    </span>
                  </div>
                  <div className="rule__fields">
                    <TextField
                      label="Claim"
                      value={rule.claim}
                      maxLength={LIMITS.claimLength.max}
                      check={checkClaim}
                      issues={ruleIssues}
                      path={`${rulePath}.claim`}
                      onCommit={(claim) => updateRule({ claim })}
                      {...(claims ? { suggestions: claims.proposed } : {})}
                      testId="rule-claim"
                    />
                    <SelectField
                      label="Match"
                      value={rule.matchType}
                      options={MATCH_TYPES}
                      issues={ruleIssues}
                      path={`${rulePath}.matchType`}
                      onChange={(matchType) => updateRule({ matchType })}
                      testId="rule-match"
                    />
                    <TextField
                      label="Value"
                      value={rule.value}
                      maxLength={LIMITS.ruleValueLength.max}
                      check={checkValue}
                      issues={ruleIssues}
                      path={`${rulePath}.value`}
                      onCommit={(value) => updateRule({ value })}
                      testId="rule-value"
                    />
                    <SelectField
                      label="Role"
                      value={rule.roleId}
                      options={roleOptions(design)}
                      issues={ruleIssues}
                      path={`${rulePath}.roleId`}
                      onChange={(roleId) => updateRule({ roleId })}
                      testId="rule-role"
                    />
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button"
            disabled={atMax || !firstRole}
            title={
              atMax
                ? `A role mapping holds at most ${LIMITS.rulesPerMappingMax} rules.`
                : !firstRole
                  ? 'Add a role first.'
                  : undefined
            }
            onClick={() => firstRole && run(addRuleCommand, { poolId, mappingId, roleId: firstRole.id })}
            data-testid="add-rule"
          >
            + Add rule
          </button>
        </>
      ) : (
        <p className="muted">
          Token mapping: the role comes from the token (cognito:preferred_role, or the role the client asks
          for among cognito:roles).
        </p>
      )}
      <IssueList issues={issues.filter((issue) => issue.path === path || issue.path === `${path}.rules`)} />
    </div>
  );
}
