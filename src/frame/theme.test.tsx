import { renderHook } from '@testing-library/react';
import { vi } from 'vitest';
import { useTheme } from './theme.ts';

/** The OS preference, as window.matchMedia reports it. */
function osPrefers(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.classList.remove('dark');
  localStorage.clear();
});

describe('useTheme', () => {
  it('follows an OS change that came while the app loaded, after the first paint set the theme', () => {
    document.documentElement.classList.add('dark'); // public/theme-init.js, when the OS said dark
    osPrefers(false);
    const { result } = renderHook(() => useTheme());
    expect(result.current[0]).toBe('light');
    expect(document.documentElement).not.toHaveClass('dark');
  });

  it("keeps the person's choice over the OS", () => {
    localStorage.setItem('nuextract.theme', 'dark');
    osPrefers(false);
    renderHook(() => useTheme());
    expect(document.documentElement).toHaveClass('dark');
  });
});
