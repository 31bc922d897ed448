// Writing a text export (review report, CloudFormation, Terraform) through the host: the desktop
// shell shows its save dialog; browser mode picks the file in the workspace file browser first.

import { exportExtensions, type ExportFormat } from '../../shared/host/api';
import { getAppMode, getHost, HostCallError } from '../host/client';
import { chooseWorkspaceFile } from '../shell/dialogs';
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
    path = await chooseWorkspaceFile({
      mode: 'save',
      title: request.title,
      confirmLabel: 'Export',
      suggestedName: request.suggestedName,
      extension: exportExtensions[request.format][0] ?? '',
    });
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
