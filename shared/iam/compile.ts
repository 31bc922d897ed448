import type { CompiledPolicy, PolicyInput, PolicyKind } from './types';

export function compilePolicy(input: PolicyInput, _kind?: PolicyKind): CompiledPolicy {
  return { compiled: true, name: input.name ?? 'policy', version: undefined, statements: [] };
}
