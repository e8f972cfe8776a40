const RECENT_KEY = 'nuextract.recent-organizations';
const MAX_RECENT = 8;

export function recentOrganizations(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Signed out: the organizations typed in that session are not offered to the next person. */
export function forgetOrganizations(): void {
  try {
    localStorage.removeItem(RECENT_KEY);
  } catch {
    // nothing kept
  }
}

export function rememberOrganization(organization: string): void {
  const list = [organization, ...recentOrganizations().filter((o) => o !== organization)];
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, MAX_RECENT)));
  } catch {
    // not remembered
  }
}
