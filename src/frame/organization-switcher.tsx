import { useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../paths.ts';
import { buttonClass, inputClass } from '../ui/button-styles.ts';
import { recentOrganizations, rememberOrganization } from './recent-organizations.ts';
import { cn } from '../ui/cn.ts';

/** Personal account or an organization, typed or chosen from the recent ones; kept in the URL. */
export function OrganizationSwitcher() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const current = location.pathname === '/jobs' ? (searchParams.get('organization') ?? '') : '';
  const navigate = useNavigate();
  const fieldId = useId();
  const listId = useId();
  // A typed, unsubmitted value belongs to the page it was typed on: navigating shows the URL's again.
  const [draft, setDraft] = useState<{ at: string; value: string } | null>(null);
  const value = draft?.at === location.key ? draft.value : current;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const organization = value.trim();
    if (organization) rememberOrganization(organization);
    setDraft(null);
    // A new organization starts at its first page, in the page size the person chose.
    const perPage = Number(searchParams.get('perPage')) || undefined;
    void navigate(paths.jobs({ organization: organization || null, perPage }));
  }

  return (
    <form onSubmit={onSubmit} className="flex min-w-0 flex-1 items-center gap-1 sm:flex-none">
      <label htmlFor={fieldId} className="sr-only text-sm text-muted sm:not-sr-only">
        Organization
      </label>
      <input
        id={fieldId}
        list={listId}
        value={value}
        onChange={(e) => setDraft({ at: location.key, value: e.target.value })}
        placeholder="Personal account"
        spellCheck={false}
        autoComplete="off"
        className={cn(inputClass, 'min-w-0 sm:w-40')}
      />
      <datalist id={listId}>
        {recentOrganizations().map((organization) => (
          <option key={organization} value={organization} />
        ))}
      </datalist>
      <button type="submit" className={buttonClass} aria-label="Switch organization">
        {/* An arrow on a phone, where the row is shared with the jump form. */}
        <span aria-hidden="true" className="sm:hidden">
          →
        </span>
        <span className="hidden sm:inline">Switch</span>
      </button>
    </form>
  );
}
