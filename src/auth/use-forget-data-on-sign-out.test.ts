import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { clearToken, setToken } from './token-store.ts';
import { useForgetDataOnSignOut } from './use-forget-data-on-sign-out.ts';

describe('useForgetDataOnSignOut', () => {
  it('empties the query cache when the token goes, and only then', () => {
    const queryClient = new QueryClient();
    setToken('tok', false);
    renderHook(() => useForgetDataOnSignOut(queryClient));
    queryClient.setQueryData(['jobs', 'detail', 'a'], { id: 'a' });
    act(() => setToken('other', false));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(1);
    act(() => clearToken('signed-out'));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
