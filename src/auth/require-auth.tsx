import { Navigate, Outlet, useLocation } from 'react-router';
import { paths } from '../paths.ts';
import { useToken } from './token-store.ts';

/** Protected routes render only with a token; otherwise sign-in, remembering exactly where the person was. */
export function RequireAuth() {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    return (
      <Navigate to={paths.signIn(location.pathname + location.search + location.hash)} replace />
    );
  }
  return <Outlet />;
}
