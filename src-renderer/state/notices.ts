// Transient messages for the user (refused connections, saved, errors). Kept apart from the
// document store: they are not part of the design and never enter undo history.

import { create } from 'zustand';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  notify(tone: Notice['tone'], text: string): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;
const NOTICE_LIFETIME_MS = 6000;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  notify(tone, text) {
    const id = nextNoticeId++;
    set({
      notices: [...get().notices.filter((notice) => notice.text !== text), { id, tone, text }].slice(-4),
    });
    setTimeout(() => get().dismiss(id), NOTICE_LIFETIME_MS);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
}));

export function notify(tone: Notice['tone'], text: string): void {
  useNotices.getState().notify(tone, text);
}
