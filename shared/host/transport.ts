// Transport-level names shared by both ends of the host API (design.md §2): the Electron preload
// and IPC handlers, the loopback HTTP server, and the renderer's client module. The shapes of the
// requests and responses themselves live in api.ts.

import { z } from 'zod';
import type { HostError, HostMethod, HostResponse, MenuCommand } from './api';
import { menuCommandSchema } from './api';

export { browserTokenFragmentKey, hostBridgeName, hostHttpPath } from './names';

/** IPC channel of one host method (Electron). */
export function hostChannel(method: HostMethod): string {
  return `host:${method}`;
}

/** IPC channel on which the main process sends menu commands to the renderer. */
export const menuCommandChannel = 'menu:command';

/** Browser mode: the header that carries the token on every API call (`Bearer <token>`). */
export const browserTokenHeader = 'authorization';

/** What every host call returns across a process boundary: a result or an error, never both. */
export type HostEnvelope<M extends HostMethod> = { result: HostResponse<M> } | HostError;

/** Extra data a menu command may carry (File > Open Recent sends `file.open` with the path). */
export const menuCommandDetailSchema = z.object({ path: z.string().min(1).max(4096).optional() }).strict();
export type MenuCommandDetail = z.infer<typeof menuCommandDetailSchema>;

export const menuMessageSchema = z
  .object({ command: menuCommandSchema, detail: menuCommandDetailSchema })
  .strict();
export type MenuMessage = z.infer<typeof menuMessageSchema>;

export type MenuCommandListener = (command: MenuCommand, detail: MenuCommandDetail) => void;

/** The object the Electron preload exposes: one function per host method plus menu events. */
export type HostBridge = { [M in HostMethod]: (request: unknown) => Promise<HostEnvelope<M>> } & {
  onMenuCommand(listener: MenuCommandListener): () => void;
};
