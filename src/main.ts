// The entry: small, so the list's request leaves before the app's code has loaded (index.html
// preloads that code, React and boot.tsx, meanwhile). The stylesheet is linked from index.html
// through it.
import './index.css';
import { startEarlyListRequest } from './jobs/list/early-list-request.ts';

startEarlyListRequest(new URL(window.location.href));
// React's DOM renderer first, then the app, each evaluated in a task of its own: one module graph is
// evaluated in one task, and the two together made one of about 60 ms while the list loads. Both are
// preloaded, in their own chunks (scripts/boot-chunks.ts), so the second waits for no download.
import('./dom-renderer.ts')
  .then(() => import('./boot.tsx'))
  .catch(() => {
    // A deploy replaced the files, or the network dropped: say so rather than leave a blank page.
    const root = document.getElementById('root');
    if (root)
      root.textContent = 'The dashboard could not load. Check your connection and reload the page.';
  });
