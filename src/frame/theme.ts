import { useCallback, useSyncExternalStore } from 'react';

// public/theme-init.js applies the same rule before first paint; keep the key in step with it.
const THEME_KEY = 'nuextract.theme';
type Theme = 'light' | 'dark';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

// The choice when storage refuses to keep it (this tab only).
let unsavedChoice: Theme | null = null;

function savedTheme(): Theme | null {
  if (unsavedChoice) return unsavedChoice;
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function currentTheme(): Theme {
  return savedTheme() ?? (media().matches ? 'dark' : 'light');
}

const listeners = new Set<() => void>();
function apply() {
  document.documentElement.classList.toggle('dark', currentTheme() === 'dark');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const mql = media();
  mql.addEventListener('change', apply); // the OS changed, and the person has not chosen
  window.addEventListener('storage', apply); // chosen in another tab
  // Or either changed while the app loaded, after theme-init.js and before these listeners.
  document.documentElement.classList.toggle('dark', currentTheme() === 'dark');
  return () => {
    listeners.delete(listener);
    mql.removeEventListener('change', apply);
    window.removeEventListener('storage', apply);
  };
}

export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(subscribe, currentTheme);
  const toggle = useCallback(() => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      unsavedChoice = next; // not remembered, still applied
    }
    apply();
  }, []);
  return [theme, toggle];
}
