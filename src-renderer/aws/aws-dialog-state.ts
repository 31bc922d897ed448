// Which account dialog is open (File ▸ Import from AWS…, File ▸ Plan & Apply…), and the account
// choice both dialogs share while the app runs (profile and region, never credentials).

import { create } from 'zustand';

export type AwsDialogKind = 'import' | 'planApply';

export interface AwsTargetChoice {
  /** Empty: the default credential chain. */
  profile: string;
  /** Empty: the design's region (plan) or the environment's (import). */
  region: string;
}

interface AwsDialogState {
  dialog: AwsDialogKind | null;
  target: AwsTargetChoice;
  setTarget(target: AwsTargetChoice): void;
  close(): void;
}

export const useAwsDialog = create<AwsDialogState>()((set) => ({
  dialog: null,
  target: { profile: '', region: '' },
  setTarget(target) {
    set({ target });
  },
  close() {
    set({ dialog: null });
  },
}));

export function openAwsDialog(dialog: AwsDialogKind): void {
  useAwsDialog.setState({ dialog });
}

/** The host API's target: empty choices are left out so the host's defaults apply. */
export function hostTarget(choice: AwsTargetChoice): { profile?: string; region?: string } {
  return {
    ...(choice.profile ? { profile: choice.profile } : {}),
    ...(choice.region ? { region: choice.region } : {}),
  };
}
