import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { useForgetDataOnSignOut } from './auth/use-forget-data-on-sign-out.ts';
import { forgetOrganizations } from './frame/recent-organizations.ts';
import { forgetArrivingRows } from './jobs/list/arriving-rows.ts';
import { AppRoutes } from './router.tsx';

function forgetSession(): void {
  forgetOrganizations();
  forgetArrivingRows();
}

type AppProps = { queryClient: QueryClient };

export function App({ queryClient }: AppProps) {
  useForgetDataOnSignOut(queryClient, forgetSession);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
