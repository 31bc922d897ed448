// Light and dark themes: follow the operating system unless the user picked one.

import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../state/store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(callback: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

export function prefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

export function useEffectiveTheme(): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribe, prefersDark);
  const choice = useAppStore((state) => state.ui.theme);
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Puts the effective theme on <html data-theme> so the CSS variables switch. */
export function useApplyTheme(): void {
  const theme = useEffectiveTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}
