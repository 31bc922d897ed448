// Whether File ▸ Export… is open. The dialog itself derives everything else from the design.

import { create } from 'zustand';

interface ExportDialogState {
  open: boolean;
}

export const useExportDialog = create<ExportDialogState>()(() => ({ open: false }));

export function openExportDialog(): void {
  useExportDialog.setState({ open: true });
}

export function closeExportDialog(): void {
  useExportDialog.setState({ open: false });
}
