// Writing a text export (review report, CloudFormation, Terraform) through the host: the desktop
// shell shows its save dialog; browser mode asks for the path in the app first.

import type { ExportFormat } from '../../shared/host/api';
import { getAppMode, getHost, HostCallError } from '../host/client';
import { askForPath } from '../shell/dialogs';
import { notify } from './notices';

export interface ExportRequest {
  format: ExportFormat;
  /** File name proposed to the person, e.g. `photo-sharing.review.html`. */
  suggestedName: string;
  content: string;
  /** Dialog title in browser mode, e.g. "Export review report". */
  title: string;
}

/** Resolves to the written path, or undefined when canceled or failed (failures are notified). */
export async function exportFile(request: ExportRequest): Promise<string | undefined> {
  const host = getHost();
  let path: string | undefined;
  if (getAppMode() === 'browser') {
    const info = await host.getAppInfo({});
    path = await askForPath(
      request.title,
      'Where to write the file (it is replaced atomically).',
      `${info.workingDirectory}/${request.suggestedName}`,
      'Export',
    );
    if (!path) return undefined;
  }
  try {
    const written = await host.exportFile({
      format: request.format,
      suggestedName: request.suggestedName,
      content: request.content,
      ...(path ? { path } : {}),
    });
    if ('canceled' in written) return undefined;
    notify('success', `Exported ${written.path.split(/[\\/]/).at(-1) ?? written.path}`);
    return written.path;
  } catch (error) {
    const message = error instanceof HostCallError || error instanceof Error ? error.message : String(error);
    notify('error', `Could not export: ${message}`);
    return undefined;
  }
}
