// Inline validation: what `cognito-studio validate` reports — the model's issues (validateDesign)
// and every policy's problems (designPolicyProblems, the CLI's own function). Structural policy
// issues are computed at once; the catalog's warnings arrive a moment later (the catalog is read
// per service from the host), and subscribers re-render then. Looked up by JSON path prefix.

import { useSyncExternalStore } from 'react';
import { validateDesign } from '../../shared/model/validate';
import type { DesignDocument, ModelIssue } from '../../shared/model/types';
import { validatePolicy } from '../../shared/iam';
import type { IamCatalog } from '../../shared/iam/catalog';
import {
  designPolicyDocuments,
  designPolicyProblems,
  type DesignPolicyProblem,
} from '../../shared/policy-language/design-problems';
import { rendererCatalog } from '../policy-editor/host-catalog';
import { useAppStore } from '../state/store';

const modelCache = new WeakMap<DesignDocument, ModelIssue[]>();
const structuralCache = new WeakMap<DesignDocument, ModelIssue[]>();
const completeCache = new WeakMap<DesignDocument, ModelIssue[]>();
const requested = new WeakSet<DesignDocument>();
const listeners = new Set<() => void>();
let completed = 0;

function toModelIssue(problem: DesignPolicyProblem): ModelIssue {
  return { severity: problem.severity, path: problem.path, message: problem.message, code: problem.code };
}

/** Structural problems only (no catalog): the same paths and messages the CLI prints. */
function structuralPolicyIssues(design: DesignDocument): ModelIssue[] {
  return designPolicyDocuments(design).flatMap((policy) =>
    validatePolicy(policy.document, { kind: policy.kind }).map((issue) => ({
      severity: issue.severity,
      path: `${policy.path}${issue.path.replace(/^\$/, '')}`,
      message: issue.message,
      code: issue.code,
    })),
  );
}

/** Everything `cognito-studio validate` reports for a design, as the inspector lists it. */
export async function designIssues(design: DesignDocument, catalog: IamCatalog): Promise<ModelIssue[]> {
  return sortedIssues([
    ...modelIssues(design),
    ...(await designPolicyProblems(design, catalog)).map(toModelIssue),
  ]);
}

function modelIssues(design: DesignDocument): ModelIssue[] {
  let model = modelCache.get(design);
  if (!model) {
    model = validateDesign(design);
    modelCache.set(design, model);
  }
  return model;
}

function sortedIssues(all: ModelIssue[]): ModelIssue[] {
  return [
    ...all.filter((issue) => issue.severity === 'error'),
    ...all.filter((issue) => issue.severity !== 'error'),
  ];
}

function requestCatalogIssues(design: DesignDocument): void {
  if (requested.has(design)) return;
  requested.add(design);
  // In idle time: reading the catalog must not compete with the graph's first render.
  const start = (): void => void readCatalogIssues(design);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 0);
}

function readCatalogIssues(design: DesignDocument): Promise<void> {
  return designPolicyProblems(design, rendererCatalog()).then(
    (problems) => {
      completeCache.set(design, problems.map(toModelIssue));
      completed += 1;
      listeners.forEach((listener) => listener());
    },
    // Without the catalog the structural issues still stand; the next design version retries.
    () => undefined,
  );
}

/** Errors first, then warnings, as the CLI lists them. */
export function issuesOf(design: DesignDocument): ModelIssue[] {
  const model = modelIssues(design);
  requestCatalogIssues(design);
  let policies = completeCache.get(design) ?? structuralCache.get(design);
  if (!policies) {
    policies = structuralPolicyIssues(design);
    structuralCache.set(design, policies);
  }
  return sortedIssues([...model, ...policies]);
}

/** Re-renders the caller when catalog warnings of some design version arrive. */
export function useIssuesVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => completed,
  );
}

/**
 * Records the issues the loader already found for a freshly loaded design, so the inspector does
 * not validate a large design a second time while it first renders.
 */
export function primeIssues(design: DesignDocument, issues: ModelIssue[]): void {
  modelCache.set(design, issues);
}

/** Issues at `path` or below it (`$.roles[1]` matches `$.roles[1].name`, not `$.roles[10]`). */
export function issuesUnder(issues: readonly ModelIssue[], path: string): ModelIssue[] {
  return issues.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

export function useIssuesUnder(path: string): ModelIssue[] {
  const design = useAppStore((state) => state.design);
  useIssuesVersion();
  return issuesUnder(issuesOf(design), path);
}
