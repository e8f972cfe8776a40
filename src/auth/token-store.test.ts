import { act, renderHook } from '@testing-library/react';
import { clearToken, getLastClearReason, getToken, setToken, useToken } from './token-store.ts';

const KEY = 'nuextract.token';

afterEach(() => act(() => clearToken('signed-out')));

describe('token store', () => {
  it('keeps a trimmed token in memory and sessionStorage by default', () => {
    setToken('  abc123 \n', false);
    expect(getToken()).toBe('abc123');
    expect(sessionStorage.getItem(KEY)).toBe('abc123');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('uses localStorage only when the person asks to be remembered', () => {
    setToken('abc123', true);
    expect(localStorage.getItem(KEY)).toBe('abc123');
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('refuses an empty token', () => {
    expect(() => setToken('   ', false)).toThrow();
    expect(getToken()).toBeNull();
  });

  it('clears memory and both storages, remembering why', () => {
    setToken('abc123', true);
    clearToken('expired');
    expect(getToken()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(getLastClearReason()).toBe('expired');
  });

  it('re-renders subscribers when the token changes', () => {
    const { result } = renderHook(() => useToken());
    expect(result.current).toBeNull();
    act(() => setToken('abc123', false));
    expect(result.current).toBe('abc123');
    act(() => clearToken('signed-out'));
    expect(result.current).toBeNull();
  });

  it('follows a sign-out in another tab (the storage event)', () => {
    setToken('abc123', false);
    const { result } = renderHook(() => useToken());
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: 'nuextract.signed-out-at',
          newValue: String(Date.now()),
          storageArea: localStorage,
        }),
      );
    });
    expect(result.current).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('picks up a token remembered in another tab', () => {
    const { result } = renderHook(() => useToken());
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: KEY,
          newValue: 'from-other-tab',
          storageArea: localStorage,
        }),
      );
    });
    expect(result.current).toBe('from-other-tab');
  });
});
