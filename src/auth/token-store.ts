import { useSyncExternalStore } from 'react';
import type { Credentials } from '../api/http.ts';
import { readStoredToken, TOKEN_KEY } from './token-storage.ts';

// The API token lives in memory, mirrored to storage (token-storage.ts). Never in a URL, a cookie or a
// log.
// sessionStorage is per tab, so sign-out is broadcast to other tabs through this localStorage key.
const SIGN_OUT_KEY = 'nuextract.signed-out-at';

export type ClearReason = 'signed-out' | 'expired';

let token: string | null = readStoredToken();
/** Counts token changes: a request names the version it was sent with, never the token. */
let version = 0;
let lastClearReason: ClearReason | null = null;
const listeners = new Set<() => void>();

function notify() {
  version += 1;
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return token;
}

/** What the next request sends (api/http.ts Credentials). */
export function currentCredentials(): Credentials {
  return { token, version };
}

export function getTokenVersion(): number {
  return version;
}

export function getLastClearReason(): ClearReason | null {
  return lastClearReason;
}

export function setToken(value: string, remember: boolean): void {
  const trimmed = value.trim();
  if (!trimmed) throw new Error('The token is empty.');
  token = trimmed;
  lastClearReason = null;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
    (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, trimmed);
  } catch {
    // keep it in memory only
  }
  notify();
}

export function clearToken(reason: ClearReason): void {
  forget(reason, reason === 'signed-out');
}

function forget(reason: ClearReason, broadcast: boolean): void {
  const hadToken = token !== null;
  token = null;
  lastClearReason = reason;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
    if (broadcast) localStorage.setItem(SIGN_OUT_KEY, String(Date.now()));
  } catch {
    // nothing stored
  }
  if (hadToken) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { subscribe as subscribeToToken };

// Other tabs: a remembered token appearing or vanishing, or a sign-out broadcast.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== localStorage) return;
    if (event.key === SIGN_OUT_KEY || (event.key === TOKEN_KEY && event.newValue === null)) {
      if (token !== null) forget('signed-out', false);
    } else if (event.key === TOKEN_KEY && event.newValue && token === null) {
      token = event.newValue;
      notify();
    } else if (event.key === null && token !== null) {
      forget('signed-out', false); // localStorage.clear() in another tab
    }
  });
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, getToken);
}
