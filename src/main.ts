// The entry: small, so the list's request leaves before the app's code has loaded (index.html
// preloads that code, boot.tsx, meanwhile). The stylesheet is linked from index.html through it.
import './index.css';
import { startEarlyListRequest } from './jobs/list/early-list-request.ts';

startEarlyListRequest(new URL(window.location.href));
import('./boot.tsx').catch(() => {
  // A deploy replaced the files, or the network dropped: say so rather than leave a blank page.
  const root = document.getElementById('root');
  if (root)
    root.textContent = 'The dashboard could not load. Check your connection and reload the page.';
});
