import { Navigate } from 'react-router';
import type { ListParams } from '../../api/types.ts';
import { paths } from '../../paths.ts';
import type { ListLocationState } from './list-drift.ts';

type CorrectedProps = { to: ListParams; messages: string[] };

/** A mistyped list URL is replaced in place by its correction, carrying what changed for the notice. */
export function Corrected({ to, messages }: CorrectedProps) {
  const state: ListLocationState = { corrections: messages };
  return <Navigate to={paths.jobs(to)} replace state={state} />;
}
