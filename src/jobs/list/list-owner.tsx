import type { JobStatus } from '../../api/types.ts';

type ListOwnerProps = {
  organization: string | null;
  /** The page on screen; undefined while it loads. */
  rows: readonly Pick<JobStatus, 'ownerOrganization'>[] | undefined;
};

/**
 * Whose jobs these are. Asked for an organization: that one. Asked for none, an API key of 2026 may
 * still list its organization's jobs (vendor-2026.md), so the jobs say: "Personal account" only when
 * none of them has an organization, nothing while there are none to tell.
 */
export function ListOwner({ organization, rows }: ListOwnerProps) {
  const names = organization
    ? [organization]
    : [...new Set(rows?.map((row) => row.ownerOrganization ?? ''))];
  const orgs = names.filter(Boolean);
  // The line is there (one line high) before the page says whose it is: nothing moves when it does.
  return (
    <p className="min-h-5 text-sm text-muted">
      {names.length === 0 ? null : orgs.length === 0 ? (
        'Personal account'
      ) : (
        <>
          {orgs.length > 1 ? 'Organizations' : 'Organization'}{' '}
          <span className="font-medium">{orgs.join(', ')}</span>
          {orgs.length < names.length && ' and personal jobs'}
        </>
      )}
    </p>
  );
}
