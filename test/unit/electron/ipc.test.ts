import { describe, expect, it } from 'vitest';
import { hostMethods } from '../../../shared/host/api';
import {
  registerHostHandlers,
  type InvokeEvent,
  type IpcMainLike,
  type SenderFrame,
} from '../../../src-main/electron/ipc';
import type { AppPage } from '../../../src-main/electron/window';
import { createDispatcher, type HostDispatcher } from '../../../src-main/host/dispatch';
import { createHostService } from '../../../src-main/host/service';

const page: AppPage = { url: new URL('app://studio/index.html') };
const appFrame: SenderFrame = { url: 'app://studio/index.html', parent: null };

function setUp() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const calls: Array<[string, unknown]> = [];
  const dispatch: HostDispatcher = async (method, request) => {
    calls.push([method, request]);
    return { result: { ok: true } } as never;
  };
  registerHostHandlers(ipcMain, dispatch, page);
  return { handlers, calls };
}

describe('IPC handlers', () => {
  it('registers exactly one channel per host method', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(hostMethods.map((method) => `host:${method}`).sort());
  });

  it('dispatches a call from the app page', async () => {
    const { handlers, calls } = setUp();
    const answer = await handlers.get('host:setDocumentState')?.(
      { senderFrame: appFrame },
      { title: 't', dirty: false },
    );
    expect(answer).toEqual({ result: { ok: true } });
    expect(calls).toEqual([['setDocumentState', { title: 't', dirty: false }]]);
  });

  it('rejects calls from any other frame, in every handler', async () => {
    const { handlers, calls } = setUp();
    const foreignFrames: Array<SenderFrame | null> = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: 'file:///opt/studio/dist/renderer/index.html', parent: null },
      { url: 'app://studio/index.html', parent: appFrame },
      { url: 'about:blank', parent: null },
    ];
    for (const [channel, handler] of handlers) {
      for (const senderFrame of foreignFrames) {
        const answer = await handler({ senderFrame }, {});
        expect(answer, `${channel} from ${senderFrame?.url}`).toEqual({
          error: {
            code: 'forbidden-sender',
            message: 'Host calls are accepted only from the application page.',
          },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('rejects calls with a missing or extra argument before dispatching', async () => {
    const { handlers, calls } = setUp();
    expect(await handlers.get('host:getAppInfo')?.({ senderFrame: appFrame })).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(await handlers.get('host:getAppInfo')?.({ senderFrame: appFrame }, {}, 'extra')).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(calls).toEqual([]);
  });

  it('validates payloads with the shared schemas before the host sees them', async () => {
    const states: unknown[] = [];
    const service = createHostService({
      mode: 'electron',
      version: '1.0.0',
      platform: 'linux',
      workingDirectory: '/tmp',
      appDataDirectory: '/tmp/unused-app-data',
      examplesDirectory: '/tmp/unused-examples',
      onDocumentState: (state) => states.push(state),
    });
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    registerHostHandlers(
      { handle: (channel, listener) => void handlers.set(channel, listener) },
      createDispatcher(service),
      page,
    );
    const setState = handlers.get('host:setDocumentState');
    for (const payload of [
      null,
      'text',
      { title: 'x' },
      { title: 'x', dirty: 'no' },
      { title: 'x'.repeat(301), dirty: true },
      { title: 'x', dirty: true, extra: 1 },
    ]) {
      expect(await setState?.({ senderFrame: appFrame }, payload), JSON.stringify(payload)).toMatchObject({
        error: { code: 'invalid-request' },
      });
    }
    expect(states).toEqual([]);
    expect(await setState?.({ senderFrame: appFrame }, { title: 'ok', dirty: true })).toEqual({
      result: { ok: true },
    });
    expect(states).toEqual([{ title: 'ok', dirty: true }]);
  });
});
