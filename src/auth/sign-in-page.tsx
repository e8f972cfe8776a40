import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { tokenCheckMessage } from '../api/http-messages.ts';
import { safeReturnPath } from '../paths.ts';
import { inputClass, primaryButtonClass } from '../ui/button-styles.ts';
import { checkToken } from './check-token.ts';
import { demoTokenQuery } from './demo-token.ts';
import { getLastClearReason, setToken, useToken } from './token-store.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { cn } from '../ui/cn.ts';

function describeFailure(error: unknown): string {
  if (error instanceof ApiError) return tokenCheckMessage(error);
  return 'Something went wrong while checking the token.';
}

/** What is wrong with a token before asking the API, or null. */
function tokenProblem(token: string): string | null {
  if (!token) return 'Paste your API token first.';
  // An HTTP header can carry only visible ASCII: fetch would refuse before asking the API.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    return 'That token contains characters an API token cannot have (spaces, quotes or letters outside ASCII). Copy it again.';
  }
  return null;
}

type Candidate = { token: string; remember: boolean };

export function SignInPage() {
  useDocumentTitle('Sign in');
  const token = useToken();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('returnTo'));
  const [value, setValue] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [expired] = useState(() => getLastClearReason() === 'expired');
  const demoToken = useQuery(demoTokenQuery).data;
  // The check is one list call with the candidate token; kept only once the API accepts it.
  const check = useMutation({
    mutationFn: ({ token: candidate }: Candidate) => checkToken(candidate),
    onSuccess: (_, { token: candidate, remember: keep }) => setToken(candidate, keep),
  });
  const fieldId = useId();
  const errorId = useId();

  if (token) return <Navigate to={returnTo} replace />;

  const pending = check.isPending;
  const failure = problem ?? (check.isError ? describeFailure(check.error) : null);

  function signIn(candidate: string) {
    const trimmed = candidate.trim();
    const found = tokenProblem(trimmed);
    setProblem(found);
    if (found) check.reset();
    // The re-render after setToken sends the person back to returnTo.
    else check.mutate({ token: trimmed, remember });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    signIn(value);
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-bold tracking-tight">NuExtract Jobs</h1>
      <p className="mt-1 text-sm text-muted">
        Sign in with an API token to browse your jobs and follow them live.
      </p>
      {expired && (
        <p role="status" className="mt-4 rounded-md bg-warn-soft p-3 text-sm text-warn-ink">
          Your session ended: the API no longer accepts the token. Sign in again to go on where you
          were.
        </p>
      )}
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium">
            API token
          </label>
          <input
            id={fieldId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={failure ? true : undefined}
            aria-describedby={failure ? errorId : undefined}
            className={cn(inputClass, 'mt-1')}
          />
          {failure && (
            <p id={errorId} role="alert" className="mt-2 text-sm text-danger">
              {failure}
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          Remember on this device
        </label>
        <button type="submit" disabled={pending} className={cn(primaryButtonClass, 'w-full')}>
          {pending ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      {demoToken && (
        <section className="mt-8 rounded-lg border border-accent-line bg-accent-soft p-4 text-sm text-accent-ink">
          <h2 className="font-semibold">Demo mode</h2>
          <p className="mt-1 text-muted">
            This dashboard is running on its built-in simulator of the Jobs API, with made-up jobs.
          </p>
          <button
            type="button"
            disabled={pending}
            onClick={() => signIn(demoToken)}
            className={cn(primaryButtonClass, 'mt-3')}
          >
            Use the demo token
          </button>
        </section>
      )}
      <p className="mt-8 text-xs text-muted">
        The token is kept in this tab{remember ? ' and on this device' : ''} and sent only to the
        API.
      </p>
    </main>
  );
}
