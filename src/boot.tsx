import { startTransition, StrictMode } from 'react';
import { createRoot } from './dom-renderer.ts';
import { App } from './app.tsx';
import { createQueryClient } from './query-client.ts';

// The app itself, loaded by main.ts once the list's early request has left.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const queryClient = createQueryClient();
// As a transition, the first render is done in slices between which the browser can paint and take
// input, instead of one long task while the page loads.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
