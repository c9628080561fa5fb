'use client';

import { useCallback, useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_STORAGE_KEY = 'gatehouse:theme';

/**
 * Runs before first paint (inlined in <head> by the root layout), so a dark-mode reader never sees a white flash:
 * the stored choice, or the system's, becomes `data-theme` on <html> before the body renders.
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var c=localStorage.getItem('${THEME_STORAGE_KEY}');var d=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light';document.documentElement.style.colorScheme=d?'dark':'light';}catch(e){}})();`;

function systemDark(): boolean {
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function storedChoice(): ThemeChoice {
  try {
    const c = window.localStorage.getItem(THEME_STORAGE_KEY);
    return c === 'light' || c === 'dark' ? c : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemDark());
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  // Following the system: when it switches, so does the portal (unless the user picked a theme).
  const onSystem = () => {
    apply(storedChoice());
    listener();
  };
  media.addEventListener('change', onSystem);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', onSystem);
  };
}

const snapshot = () => `${storedChoice()}|${document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'}`;
const serverSnapshot = () => 'system|light';

/** The theme the user chose and the one in effect; `setChoice` persists it in localStorage. */
export function useTheme() {
  const [choice, resolved] = useSyncExternalStore(subscribe, snapshot, serverSnapshot).split('|') as [ThemeChoice, 'light' | 'dark'];
  const setChoice = useCallback((next: ThemeChoice) => {
    try {
      if (next === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
      else window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts for this page only.
    }
    apply(next);
    for (const l of listeners) l();
  }, []);
  return { choice, resolved, setChoice };
}
