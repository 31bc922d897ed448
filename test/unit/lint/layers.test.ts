// The layer rules of design.md §2 are enforced by ESLint (eslint.config.mjs). These tests lint
// small snippets as if they lived in each layer and check that forbidden imports fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'shared/model/example.ts', 'no Node built-ins'],
    ["import { readFileSync } from 'fs';", 'shared/iam/example.ts', 'no Node built-ins'],
    ["import { app } from 'electron';", 'shared/cognito/example.ts', 'must not import electron'],
    ["import { useState } from 'react';", 'shared/review/example.ts', 'UI libraries'],
    [
      "import { x } from '../../src-main/host/x';",
      'shared/model/example.ts',
      'must not import from src-main',
    ],
    ["import { x } from '../src-main/host/x';", 'src-renderer/example.ts', 'only through the host API'],
    ["import { ipcRenderer } from 'electron';", 'src-renderer/example.ts', 'must not import electron'],
    [
      "import { x } from '../../src-renderer/app';",
      'src-main/cli/example.ts',
      'must not import from src-renderer',
    ],
    ["import { runSimulation } from '@cloud-copilot/iam-simulate';", 'src-main/cli/example.ts', 'AGPL'],
    ["import { runSimulation } from '@cloud-copilot/iam-simulate';", 'shared/iam/example.ts', 'AGPL'],
  ])('rejects %s in %s', async (code, filePath, expected) => {
    const messages = await restrictedImportMessages(`${code}\nexport const used = 1;\n`, filePath);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    ["import { z } from 'zod';", 'shared/model/example.ts'],
    ["import type { DesignDocument } from '../../shared/model/types';", 'src-renderer/example.ts'],
    ["import { readFileSync } from 'node:fs';", 'src-main/services/example.ts'],
    ["import { loadDesign } from '../../shared/model/io';", 'src-main/cli/example.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await restrictedImportMessages(`${code}\nexport const used = 1;\n`, filePath)).toEqual([]);
  });
});
