// Where the API token is kept between page loads: sessionStorage (survives a reload) or, when the
// person asks to be remembered, localStorage. Read by token-store.ts and, before the app has loaded,
// by the list's early request (jobs/list/early-list-request.ts).
export const TOKEN_KEY = 'nuextract.token';

export function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage can be disabled; memory still works
  }
}
