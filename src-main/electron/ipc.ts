// IPC handlers of the host API: one channel per method, each checking who is calling
// (checklist 17: validate the sender of all IPC messages) before the dispatcher validates the payload.

import { hostMethods, type HostMethod } from '../../shared/host/api';
import { hostChannel, type HostEnvelope } from '../../shared/host/transport';
import type { HostDispatcher } from '../host/dispatch';
import { isAppPageUrl, type AppPage } from './window';

/** The parts of `event.senderFrame` the check reads (WebFrameMain fits this shape). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** Only the top frame of the app's own page may call the host. */
export function isTrustedSender(frame: SenderFrame | null, page: AppPage): boolean {
  return frame !== null && frame.parent === null && isAppPageUrl(frame.url, page);
}

export function registerHostHandlers(ipcMain: IpcMainLike, dispatch: HostDispatcher, page: AppPage): void {
  for (const method of hostMethods) {
    ipcMain.handle(hostChannel(method), async (event, ...args): Promise<HostEnvelope<HostMethod>> => {
      if (!isTrustedSender(event.senderFrame, page)) {
        return {
          error: {
            code: 'forbidden-sender',
            message: 'Host calls are accepted only from the application page.',
          },
        };
      }
      if (args.length !== 1) {
        return {
          error: {
            code: 'invalid-request',
            message: `Invalid ${method} request: expected exactly one argument.`,
          },
        };
      }
      return dispatch(method, args[0]);
    });
  }
}
