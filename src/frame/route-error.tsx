import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Link } from '../ui/link.tsx';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { cn } from '../ui/cn.ts';

/** Whatever a route throws ends here: what went wrong and a way on, never a blank page. */
export function RouteError() {
  useDocumentTitle('Something went wrong');
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unexpected error happened.';
  return (
    <div className="mx-auto max-w-2xl p-6">
      <ErrorPanel title="This page ran into a problem" message={message}>
        <button type="button" className={buttonClass} onClick={() => window.location.reload()}>
          Retry
        </button>
        <Link to={paths.jobs()} className={buttonClass}>
          Back to the jobs list
        </Link>
      </ErrorPanel>
    </div>
  );
}

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address.</p>
      <Link to={paths.jobs()} className={cn(buttonClass, 'mt-4')}>
        Back to the jobs list
      </Link>
    </div>
  );
}
