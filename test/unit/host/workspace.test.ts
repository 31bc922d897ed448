// Browser mode serves one workspace folder: every path the API is given resolves inside it, with
// no `..` and no symbolic link leading out, and the open/save dialogs list that folder.

import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/host/api';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostService } from '../../../src-main/host/service';
import { createRecentFiles } from '../../../src-main/services/files';
import { useTemporaryDirectories } from '../files/temporary-directory';

const temporaryDirectory = useTemporaryDirectories();
const examplesDirectory = join(process.cwd(), 'assets', 'examples');
const design = JSON.stringify({ format: 'cognito-access-studio/design', version: 1 });

async function aWorkspace(): Promise<{
  outside: string;
  workspace: string;
  api: ReturnType<typeof createDispatcher>;
  service: HostApi;
}> {
  const outside = await temporaryDirectory();
  const workspace = join(outside, 'workspace');
  await mkdir(join(workspace, 'team'), { recursive: true });
  await writeFile(join(workspace, 'a.cognito-design.json'), design);
  await writeFile(join(workspace, 'team', 'b.cognito-design.json'), design);
  await writeFile(join(workspace, 'notes.txt'), 'not a design');
  await writeFile(join(outside, 'secret.json'), '{"secret":true}');
  await writeFile(join(outside, 'package.json'), '{"name":"unrelated"}');
  const service = createHostService({
    mode: 'browser',
    version: '1.0.0',
    platform: 'linux',
    workingDirectory: workspace,
    workspaceDirectory: workspace,
    appDataDirectory: join(outside, 'app-data'),
    examplesDirectory,
  });
  return { outside, workspace, service, api: createDispatcher(service) };
}

describe('browser-mode workspace', () => {
  it('opens and saves designs inside the workspace by relative or absolute path', async () => {
    const { workspace, api } = await aWorkspace();
    expect(await api('openDesign', { path: 'team/b.cognito-design.json' })).toEqual({
      result: { path: join(workspace, 'team', 'b.cognito-design.json'), content: design },
    });
    const saved = await api('saveDesign', {
      path: join(workspace, 'new.cognito-design.json'),
      content: design,
    });
    expect(saved).toEqual({ result: { path: join(workspace, 'new.cognito-design.json') } });
  });

  it('refuses paths that climb out with ..', async () => {
    const { outside, api } = await aWorkspace();
    for (const path of [
      '../secret.json',
      'team/../../secret.json',
      join(outside, 'workspace', '..', 'secret.json'),
    ]) {
      const answer = await api('openDesign', { path });
      expect(answer).toMatchObject({ error: { code: 'outside-workspace' } });
    }
    const write = await api('saveDesign', { path: '../package.json', content: design });
    expect(write).toMatchObject({ error: { code: 'outside-workspace' } });
    expect(await readFile(join(outside, 'package.json'), 'utf8')).toBe('{"name":"unrelated"}');
  });

  it('refuses absolute paths elsewhere and symbolic links that leave the workspace', async () => {
    const { outside, workspace, api } = await aWorkspace();
    expect(await api('openDesign', { path: join(outside, 'secret.json') })).toMatchObject({
      error: { code: 'outside-workspace' },
    });
    await symlink(join(outside, 'secret.json'), join(workspace, 'link.json'));
    await symlink(join(outside, 'secret.json'), join(workspace, 'planted.cognito-design.json'));
    await symlink('/proc/self/environ', join(workspace, 'environ.json'));
    await symlink(outside, join(workspace, 'up'));
    for (const path of ['link.json', 'environ.json', 'up/secret.json']) {
      expect(await api('openDesign', { path })).toMatchObject({ error: { code: 'outside-workspace' } });
    }
    expect(await api('saveDesign', { path: 'planted.cognito-design.json', content: design })).toMatchObject({
      error: { code: 'outside-workspace' },
    });
    expect(await api('saveDesign', { path: 'up/new.cognito-design.json', content: design })).toMatchObject({
      error: { code: 'outside-workspace' },
    });
    expect(await readFile(join(outside, 'secret.json'), 'utf8')).toBe('{"secret":true}');
  });

  it('saves only design files, so an unrelated package.json in the workspace stays untouched', async () => {
    const { workspace, api } = await aWorkspace();
    await writeFile(join(workspace, 'package.json'), '{"name":"mine"}');
    expect(await api('saveDesign', { path: 'package.json', content: design })).toMatchObject({
      error: { code: 'invalid-path' },
    });
    expect(await readFile(join(workspace, 'package.json'), 'utf8')).toBe('{"name":"mine"}');
  });

  it('writes exports only inside the workspace, under their own extensions', async () => {
    const { outside, workspace, api } = await aWorkspace();
    const content = '<html></html>';
    expect(
      await api('exportFile', { format: 'html', suggestedName: 'r.html', content, path: 'team/r.html' }),
    ).toEqual({ result: { path: join(workspace, 'team', 'r.html') } });
    expect(
      await api('exportFile', { format: 'html', suggestedName: 'r.html', content, path: '../r.html' }),
    ).toMatchObject({ error: { code: 'outside-workspace' } });
    expect(
      await api('exportFile', {
        format: 'json',
        suggestedName: 's.json',
        content: '{}',
        path: join(outside, 'secret.json'),
      }),
    ).toMatchObject({ error: { code: 'outside-workspace' } });
    expect(await readFile(join(outside, 'secret.json'), 'utf8')).toBe('{"secret":true}');
  });

  it('lists a folder of the workspace: sub-folders and design files, nothing above the root', async () => {
    const { workspace, api } = await aWorkspace();
    expect(await api('listWorkspace', {})).toEqual({
      result: {
        root: workspace,
        directory: '',
        entries: [
          { name: 'team', kind: 'directory' },
          { name: 'a.cognito-design.json', kind: 'design' },
        ],
      },
    });
    expect(await api('listWorkspace', { directory: 'team' })).toMatchObject({
      result: { directory: 'team', entries: [{ name: 'b.cognito-design.json', kind: 'design' }] },
    });
    expect(await api('listWorkspace', { directory: '..' })).toMatchObject({
      error: { code: 'outside-workspace' },
    });
  });

  it('has no workspace listing in the desktop app (native dialogs instead)', async () => {
    const directory = await temporaryDirectory();
    const service = createHostService({
      mode: 'electron',
      version: '1.0.0',
      platform: 'linux',
      workingDirectory: directory,
      appDataDirectory: join(directory, 'app-data'),
      examplesDirectory,
    });
    expect(await createDispatcher(service)('listWorkspace', {})).toMatchObject({
      error: { code: 'unsupported' },
    });
  });
});

describe('recent files', () => {
  it('keeps every entry when ten saves record themselves at the same time', async () => {
    const directory = await temporaryDirectory();
    const paths = Array.from({ length: 10 }, (_, index) => join(directory, `d${index}.cognito-design.json`));
    await Promise.all(paths.map((path) => writeFile(path, design)));
    const recent = createRecentFiles(join(directory, 'data', 'recent-files.json'));
    await Promise.all(paths.map((path) => recent.add(path)));
    expect([...(await recent.list())].sort()).toEqual([...paths].sort());
  });

  it('keeps every entry when ten parallel saves go through the host API', async () => {
    const { workspace, api, service } = await aWorkspace();
    const names = Array.from({ length: 10 }, (_, index) => `p${index}.cognito-design.json`);
    await Promise.all(names.map((name) => api('saveDesign', { path: name, content: design })));
    expect([...(await service.listRecent({}))].sort()).toEqual(
      names.map((name) => join(workspace, name)).sort(),
    );
  });
});
