import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  useNavigationType,
  type NavigateFunction,
} from 'react-router';

/** What a test can read and do to the in-memory history, like a data router's `router.state`. */
type TestHistory = {
  /** The current path and query, e.g. `/jobs?skip=30`. */
  url: () => string;
  pathname: () => string;
  /** How the current entry was reached: 'PUSH', 'REPLACE' or 'POP'. */
  action: () => string;
  navigate: NavigateFunction;
};

/** A query client for one test: no retries (a test's failure answers at once). */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/**
 * Renders `ui` (usually `<Routes>`) in a memory router at `entries`, with `queryClient` (a fresh test
 * client unless given); returns its history and the client.
 */
export function renderInRouter(
  ui: ReactNode,
  entries: string[] = ['/'],
  queryClient: QueryClient = testQueryClient(),
) {
  const history = {} as TestHistory;
  function Probe() {
    const location = useLocation();
    const action = useNavigationType();
    history.url = () => location.pathname + location.search;
    history.pathname = () => location.pathname;
    history.action = () => action;
    history.navigate = useNavigate();
    return null;
  }
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={entries} initialIndex={entries.length - 1}>
        {ui}
        <Probe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, history, queryClient };
}
