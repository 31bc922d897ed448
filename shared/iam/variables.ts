import type { ContextValue } from './types';

export function findPolicyVariables(_document: unknown): Array<{ variable: string; path: string }> {
  return [];
}

export function substituteVariables(text: string, _context: Record<string, ContextValue>, _version: string | undefined): string {
  return text;
}
