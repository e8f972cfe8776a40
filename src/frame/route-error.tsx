import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Link } from '../ui/link.tsx';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

type RouteErrorBoundaryProps = { children: ReactNode };

/**
 * Whatever a page throws while rendering (or a page chunk that fails to load) ends here: what went
 * wrong and a way on, never a blank page. Moving to another address tries the page again.
 */
export function RouteErrorBoundary({ children }: RouteErrorBoundaryProps) {
  const { pathname, search } = useLocation();
  return <Boundary address={pathname + search}>{children}</Boundary>;
}

type BoundaryProps = { address: string; children: ReactNode };
type BoundaryState = { error: unknown; address: string | null };

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, address: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState) {
    // Remember where the error happened; once the person goes elsewhere, render the page again.
    if (state.error === null) return null;
    if (state.address === null) return { address: props.address };
    return state.address === props.address ? null : { error: null, address: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    return this.state.error === null ? (
      this.props.children
    ) : (
      <RouteError error={this.state.error} />
    );
  }
}

function RouteError({ error }: { error: unknown }) {
  useDocumentTitle('Something went wrong');
  const message = error instanceof Error ? error.message : 'An unexpected error happened.';
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
