import { act, renderHook } from '@testing-library/react';
import { vi } from 'vitest';
import { jobQueries } from '../jobs/job-queries.ts';
import { completedJob } from '../test-kit/jobs.ts';
import { testQueryClient } from '../test-kit/render-in-router.tsx';
import { clearToken, setToken } from './token-store.ts';
import { useForgetDataOnSignOut } from './use-forget-data-on-sign-out.ts';

describe('useForgetDataOnSignOut', () => {
  it('empties the query cache and forgets the rest when the token goes, and only then', () => {
    const queryClient = testQueryClient();
    const forget = vi.fn();
    setToken('tok', false);
    renderHook(() => useForgetDataOnSignOut(queryClient, forget));
    const job = completedJob();
    queryClient.setQueryData(jobQueries.detail(job.id).queryKey, job);
    act(() => setToken('other', false));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(1);
    expect(forget).not.toHaveBeenCalled();
    act(() => clearToken('signed-out'));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(forget).toHaveBeenCalledTimes(1);
  });
});
