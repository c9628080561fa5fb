/**
 * Whether this browser has seen a successful try-it call. Kept in localStorage, not on the server: it only drives
 * the onboarding checklist, and the gateway's usage (which the server does know) counts it anyway.
 */
const TRIED_KEY = 'gatehouse:tried-it';
const DISMISSED_KEY = 'gatehouse:onboarding-dismissed';

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function write(key: string, on: boolean): void {
  try {
    if (on) window.localStorage.setItem(key, '1');
    else window.localStorage.removeItem(key);
  } catch {
    // Storage can be disabled (private mode); the checklist then simply forgets.
  }
}

export const hasTriedIt = () => read(TRIED_KEY);
export const rememberTriedIt = () => write(TRIED_KEY, true);
export const isOnboardingDismissed = () => read(DISMISSED_KEY);
export const setOnboardingDismissed = (on: boolean) => write(DISMISSED_KEY, on);
