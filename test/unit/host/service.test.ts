import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/host/api';
import { createDispatcher } from '../../../src-main/host/dispatch';
import {
  createHostService,
  type FileDialogs,
  type HostServiceDependencies,
} from '../../../src-main/host/service';
import { useTemporaryDirectories } from '../files/temporary-directory';

const temporaryDirectory = useTemporaryDirectories();
const examplesDirectory = join(process.cwd(), 'assets', 'examples');

async function aService(
  overrides: Partial<HostServiceDependencies> = {},
): Promise<{ service: HostApi; directory: string }> {
  const directory = await temporaryDirectory();
  const service = createHostService({
    mode: 'browser',
    version: '1.2.3',
    platform: 'linux',
    workingDirectory: directory,
    appDataDirectory: join(directory, 'app-data'),
    examplesDirectory,
    now: () => new Date('2026-03-04T05:06:07.000Z'),
    ...overrides,
  });
  return { service, directory };
}

describe('host service', () => {
  it('reports the app information it was started with', async () => {
    const { service, directory } = await aService();
    expect(await service.getAppInfo({})).toEqual({
      version: '1.2.3',
      mode: 'browser',
      platform: 'linux',
      workingDirectory: directory,
    });
  });

  it('starts on the photo-sharing example unless a design was named', async () => {
    const { service } = await aService();
    const startup = await service.getStartupDesign({});
    expect(startup).toMatchObject({ path: join(examplesDirectory, 'photo-sharing.cognito-design.json') });
    const named = join(examplesDirectory, 'b2b-saas.cognito-design.json');
    const { service: withNamed } = await aService({ startupDesignPath: named });
    expect(await withNamed.getStartupDesign({})).toEqual({
      path: named,
      content: await readFile(named, 'utf8'),
    });
  });

  it('has no start-up design when there are no examples', async () => {
    const directory = await temporaryDirectory();
    const { service } = await aService({ examplesDirectory: join(directory, 'none') });
    expect(await service.getStartupDesign({})).toEqual({ none: true });
  });

  it('opens and saves by path, resolving relative paths and remembering recent files', async () => {
    const { service, directory } = await aService();
    await writeFile(join(directory, 'mine.cognito-design.json'), '{"name":"mine"}');
    expect(await service.openDesign({ path: 'mine.cognito-design.json' })).toEqual({
      path: join(directory, 'mine.cognito-design.json'),
      content: '{"name":"mine"}',
    });
    expect(
      await service.saveDesign({ path: 'copy.cognito-design.json', content: '{"name":"copy"}' }),
    ).toEqual({
      path: join(directory, 'copy.cognito-design.json'),
    });
    expect(await readFile(join(directory, 'copy.cognito-design.json'), 'utf8')).toBe('{"name":"copy"}');
    expect(await service.listRecent({})).toEqual([
      join(directory, 'copy.cognito-design.json'),
      join(directory, 'mine.cognito-design.json'),
    ]);
  });

  it('refuses to save text that is not JSON and keeps the existing file', async () => {
    const { service, directory } = await aService();
    const path = join(directory, 'keep.json');
    await writeFile(path, '{"good":true}');
    await expect(service.saveDesign({ path, content: '{"trunc' })).rejects.toMatchObject({
      code: 'invalid-content',
    });
    expect(await readFile(path, 'utf8')).toBe('{"good":true}');
  });

  it('only reads and writes .json files', async () => {
    const { service, directory } = await aService();
    await expect(
      service.saveDesign({ path: join(directory, '.bashrc'), content: '{}' }),
    ).rejects.toMatchObject({ code: 'invalid-path' });
    await expect(service.openDesign({ path: '/etc/passwd' })).rejects.toMatchObject({ code: 'invalid-path' });
  });

  it('needs a path in browser mode and uses the dialogs in the desktop app', async () => {
    const { service } = await aService();
    await expect(service.openDesign({})).rejects.toMatchObject({ code: 'unsupported' });
    await expect(service.saveDesign({ content: '{}' })).rejects.toMatchObject({ code: 'unsupported' });

    const directory = await temporaryDirectory();
    const asked: Array<string | undefined> = [];
    const dialogs: FileDialogs = {
      chooseOpenPath: async () => undefined,
      chooseSavePath: async (suggested) => {
        asked.push(suggested);
        return join(directory, 'chosen.cognito-design.json');
      },
      chooseExportPath: async () => undefined,
    };
    const { service: desktop } = await aService({ mode: 'electron', dialogs });
    expect(await desktop.openDesign({})).toEqual({ canceled: true });
    const target = join(directory, 'existing.json');
    expect(await desktop.saveDesign({ path: target, content: '{}', saveAs: true })).toEqual({
      path: join(directory, 'chosen.cognito-design.json'),
    });
    expect(asked).toEqual([target]);
  });

  it('writes exports atomically, only under the extensions of their format', async () => {
    const { service, directory } = await aService();
    const target = join(directory, 'review.html');
    expect(
      await service.exportFile({
        format: 'html',
        suggestedName: 'review.html',
        content: '<p>ok</p>',
        path: target,
      }),
    ).toEqual({ path: target });
    expect(await readFile(target, 'utf8')).toBe('<p>ok</p>');

    const shell = join(directory, '.bashrc');
    await writeFile(shell, 'keep me');
    await expect(
      service.exportFile({ format: 'terraform', suggestedName: 'main.tf', content: 'x', path: shell }),
    ).rejects.toMatchObject({ code: 'invalid-path' });
    expect(await readFile(shell, 'utf8')).toBe('keep me');
    await expect(
      service.exportFile({ format: 'yaml', suggestedName: 'stack.yaml', content: 'x' }),
    ).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('asks the desktop save dialog for an export path with the format extensions', async () => {
    const directory = await temporaryDirectory();
    const asked: unknown[] = [];
    const dialogs: FileDialogs = {
      chooseOpenPath: async () => undefined,
      chooseSavePath: async () => undefined,
      chooseExportPath: async (suggestedName, extensions) => {
        asked.push([suggestedName, extensions]);
        return asked.length === 1 ? join(directory, 'stack.yml') : undefined;
      },
    };
    const { service } = await aService({ mode: 'electron', dialogs });
    const request = { format: 'yaml', suggestedName: 'stack.yaml', content: 'a: 1\n' } as const;
    expect(await service.exportFile(request)).toEqual({ path: join(directory, 'stack.yml') });
    expect(await readFile(join(directory, 'stack.yml'), 'utf8')).toBe('a: 1\n');
    expect(await service.exportFile(request)).toEqual({ canceled: true });
    expect(asked).toEqual([
      ['stack.yaml', ['.yaml', '.yml']],
      ['stack.yaml', ['.yaml', '.yml']],
    ]);
  });

  it('keeps, returns and clears the recovery copy', async () => {
    const { service } = await aService();
    expect(await service.readRecovery({})).toEqual({ none: true });
    await service.writeRecovery({ content: '{"draft":1}', path: '/x/y.json' });
    expect(await service.readRecovery({})).toEqual({
      content: '{"draft":1}',
      savedAt: '2026-03-04T05:06:07.000Z',
      path: '/x/y.json',
    });
    await service.clearRecovery({});
    expect(await service.readRecovery({})).toEqual({ none: true });
  });

  it('keeps the policy drafts with the recovery copy', async () => {
    const { service } = await aService();
    await service.writeRecovery({ content: '{}', policyDrafts: { 'managed/p': '{ "Statement": [' } });
    expect(await service.readRecovery({})).toMatchObject({
      policyDrafts: { 'managed/p': '{ "Statement": [' },
    });
    const { keptAt } = await service.clearRecovery({ setAside: true });
    expect(keptAt).toMatch(/recovery-unreadable-.*\.json$/);
    expect(await service.readRecovery({})).toEqual({ none: true });
  });

  it('passes the document state to the shell', async () => {
    const states: unknown[] = [];
    const { service } = await aService({ onDocumentState: (state) => states.push(state) });
    await service.setDocumentState({ title: 'Photo sharing', dirty: true });
    expect(states).toEqual([{ title: 'Photo sharing', dirty: true }]);
  });
});

describe('dispatcher', () => {
  it('answers a valid call with its result', async () => {
    const { service } = await aService();
    const dispatch = createDispatcher(service);
    expect(await dispatch('listExamples', {})).toMatchObject({
      result: expect.arrayContaining([expect.objectContaining({ id: 'photo-sharing' })]),
    });
  });

  it('rejects unknown methods, including inherited object properties', async () => {
    const { service } = await aService();
    const dispatch = createDispatcher(service);
    expect(await dispatch('deleteEverything', {})).toEqual({
      error: { code: 'unknown-method', message: 'Unknown host method "deleteEverything".' },
    });
    expect(await dispatch('constructor', {})).toMatchObject({ error: { code: 'unknown-method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ error: { code: 'unknown-method' } });
  });

  it('rejects requests that do not match the schema, naming the field', async () => {
    const { service } = await aService();
    const dispatch = createDispatcher(service);
    const wrongType = await dispatch('setDocumentState', { title: 'x', dirty: 'yes' });
    expect(wrongType).toMatchObject({ error: { code: 'invalid-request' } });
    expect('error' in wrongType && wrongType.error.message).toContain('$.dirty');
    expect(await dispatch('getAppInfo', { extra: 1 })).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await dispatch('saveDesign', null)).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await dispatch('writeRecovery', { content: 'x'.repeat(20 * 1024 * 1024 + 1) })).toMatchObject({
      error: { code: 'invalid-request' },
    });
    const badDraft = await dispatch('writeRecovery', { content: '{}', policyDrafts: { 'managed/p': 1 } });
    expect('error' in badDraft && badDraft.error.message).toContain('policyDrafts');
    expect(
      await dispatch('writeRecovery', {
        content: '{}',
        policyDrafts: { a: 'x'.repeat(1024 * 1024), b: 'x'.repeat(1024 * 1024 + 1) },
      }),
    ).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('rejects responses that do not match the schema', async () => {
    const { service } = await aService();
    const broken: HostApi = { ...service, getAppInfo: async () => ({ version: 1 }) as never };
    expect(await createDispatcher(broken)('getAppInfo', {})).toMatchObject({
      error: { code: 'invalid-response' },
    });
  });

  it('turns unexpected failures into a generic message without a stack trace', async () => {
    const { service } = await aService();
    const reported: string[] = [];
    const broken: HostApi = {
      ...service,
      listRecent: async () => {
        throw new TypeError('secret internal detail at /home/me/src/file.ts:12');
      },
    };
    const envelope = await createDispatcher(broken, (method) => reported.push(method))('listRecent', {});
    expect(envelope).toEqual({
      error: {
        code: 'internal',
        message: 'The host failed unexpectedly; see the application log for details.',
      },
    });
    expect(JSON.stringify(envelope)).not.toContain('secret');
    expect(reported).toEqual(['listRecent']);
  });

  it('passes file errors through with their readable message', async () => {
    const { service, directory } = await aService();
    const missing = join(directory, 'missing.json');
    expect(await createDispatcher(service)('openDesign', { path: missing })).toEqual({
      error: { code: 'not-found', message: `Cannot open ${missing}: no such file or directory.` },
    });
  });
});
