// Types of aws-managed-policies.mjs for the TypeScript configs that import it.
import type { Plugin } from 'vite';
import type { AwsManagedPolicyData } from '../shared/iam/aws-managed-policies';

export function awsManagedPoliciesSource(): string;
export function compactAwsManagedPolicies(): AwsManagedPolicyData;
export function awsManagedPoliciesPlugin(): Plugin;
