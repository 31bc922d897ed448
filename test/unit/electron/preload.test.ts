import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hostMethods } from '../../../shared/host/api';

// A fake of the two Electron objects the preload touches.
const exposed = new Map<string, unknown>();
const invoked: Array<[string, unknown[]]> = [];
const rendererListeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, args]);
      return { result: { ok: true } };
    },
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      const set = rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      rendererListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      rendererListeners.get(channel)?.delete(listener);
    },
  },
}));

beforeAll(async () => {
  await import('../../../src-main/electron/preload');
});

function bridge(): Record<string, unknown> {
  return exposed.get('cognitoStudio') as Record<string, unknown>;
}

function emitMenu(message: unknown): void {
  for (const listener of rendererListeners.get('menu:command') ?? []) listener({}, message);
}

describe('preload bridge', () => {
  it('exposes one object with exactly the host methods and onMenuCommand, all functions', () => {
    expect([...exposed.keys()]).toEqual(['cognitoStudio']);
    expect(Object.keys(bridge()).sort()).toEqual([...hostMethods, 'onMenuCommand'].sort());
    for (const value of Object.values(bridge())) expect(typeof value).toBe('function');
    expect(bridge()).not.toHaveProperty('invoke');
    expect(bridge()).not.toHaveProperty('ipcRenderer');
  });

  it('binds each method to its own channel with exactly one argument', async () => {
    invoked.length = 0;
    const save = bridge().saveDesign as (request: unknown, ...extra: unknown[]) => Promise<unknown>;
    expect(await save({ path: '/a.json', content: '{}' }, 'ignored extra')).toEqual({ result: { ok: true } });
    expect(invoked).toEqual([['host:saveDesign', [{ path: '/a.json', content: '{}' }]]]);
  });

  it('passes only well-formed menu commands to the listener and can unsubscribe', () => {
    const received: unknown[] = [];
    const unsubscribe = (bridge().onMenuCommand as (listener: (...args: unknown[]) => void) => () => void)(
      (...args) => received.push(args),
    );
    emitMenu({ command: 'file.open', detail: { path: '/x.json' } });
    emitMenu({ command: 'shell.exec', detail: {} });
    emitMenu('file.save');
    emitMenu({ command: 'file.save', detail: { path: 1 } });
    expect(received).toEqual([['file.open', { path: '/x.json' }]]);
    unsubscribe();
    emitMenu({ command: 'file.save', detail: {} });
    expect(received).toHaveLength(1);
  });
});
