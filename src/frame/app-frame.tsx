import { useIsFetching } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { Link } from '../ui/link.tsx';
import { clearToken } from '../auth/token-store.ts';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { JumpToJob } from './jump-to-job.tsx';
import { useOnline } from './online-status.ts';
import { OrganizationSwitcher } from './organization-switcher.tsx';
import { useTheme } from './theme.ts';
import { lastListPath } from '../jobs/list/last-list-path.ts';
import { useShortcuts } from '../ui/shortcuts.ts';
import { AbsoluteTimesSwitch } from '../ui/absolute-times.tsx';
import { cn } from '../ui/cn.ts';

// The shortcut list is read rarely: its own chunk, fetched when asked for.
const ShortcutsDialog = lazy(async () => ({
  default: (await import('./shortcuts-dialog.tsx')).ShortcutsDialog,
}));

export function AppFrame() {
  return (
    <div className="min-h-screen">
      <Header />
      <main className="mx-auto max-w-7xl px-3 py-4 sm:px-6">
        <Outlet />
      </main>
    </div>
  );
}

function Header() {
  const [theme, toggleTheme] = useTheme();
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    '?': () => setHelpOpen(true),
    'g l': () => void navigate(lastListPath()),
  });
  return (
    // The fetching bar and the offline banner sit in the banner landmark: no content outside landmarks.
    <header className="border-b border-line bg-surface">
      <FetchingBar />
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2 sm:gap-x-4 sm:px-6">
        <Link to={paths.jobs()} className="mr-auto text-lg font-bold tracking-tight">
          NuExtract Jobs
        </Link>
        {/* Tab order follows the wide layout (one row). Narrower, the forms take a second row; on a
            phone they share it, and the switch's label takes two lines. */}
        <div className="order-last flex w-full items-center gap-2 xl:order-none xl:w-auto">
          <JumpToJob />
          <OrganizationSwitcher />
        </div>
        <div className="flex items-center gap-2">
          <AbsoluteTimesSwitch className="max-w-24 leading-tight sm:max-w-none" />
          {/* A phone has no keyboard for shortcuts (the ? key still opens the list). */}
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            className={cn(buttonClass, 'hidden sm:inline-flex')}
            // The name holds the key it shows, so a voice command naming what is seen finds it.
            aria-label="Keyboard shortcuts (?)"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
          <button
            type="button"
            onClick={toggleTheme}
            className={buttonClass}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          >
            <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
          </button>
          <button type="button" onClick={() => clearToken('signed-out')} className={buttonClass}>
            Sign out
          </button>
        </div>
      </div>
      <OfflineBanner />
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}

/** A thin bar while anything is fetching, so background refreshes are visible but quiet. */
function FetchingBar() {
  const fetching = useIsFetching();
  if (!fetching) return null;
  return (
    <div
      role="progressbar"
      aria-label="Loading"
      className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-indigo-500"
    />
  );
}

function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="bg-warn-soft px-4 py-2 text-center text-sm text-warn-ink">
      You are offline. What you see may be out of date; it will refresh when the connection is back.
    </div>
  );
}
