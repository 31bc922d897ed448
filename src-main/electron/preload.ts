// The preload of the sandboxed renderer: exposes exactly the host API methods (one function per
// method, each bound to its own channel) and the menu command event — never ipcRenderer itself
// or a generic invoke (checklist 20 of the Electron security guide).

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { hostMethods, type HostMethod } from '../../shared/host/api';
import {
  hostBridgeName,
  hostChannel,
  menuCommandChannel,
  menuMessageSchema,
  type HostEnvelope,
  type MenuCommandListener,
} from '../../shared/host/transport';

function hostFunction(method: HostMethod): (request: unknown) => Promise<HostEnvelope<HostMethod>> {
  const channel = hostChannel(method);
  return (request: unknown) => ipcRenderer.invoke(channel, request) as Promise<HostEnvelope<HostMethod>>;
}

function onMenuCommand(listener: MenuCommandListener): () => void {
  if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
  function receive(_event: IpcRendererEvent, message: unknown): void {
    const parsed = menuMessageSchema.safeParse(message);
    if (parsed.success) listener(parsed.data.command, parsed.data.detail);
  }
  ipcRenderer.on(menuCommandChannel, receive);
  return () => {
    ipcRenderer.removeListener(menuCommandChannel, receive);
  };
}

const bridge = {
  ...Object.fromEntries(hostMethods.map((method) => [method, hostFunction(method)])),
  onMenuCommand,
};

contextBridge.exposeInMainWorld(hostBridgeName, bridge);
