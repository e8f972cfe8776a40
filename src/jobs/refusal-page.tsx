import type { ReactNode } from 'react';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { Link } from '../ui/link.tsx';

type RefusalPageProps = {
  title: string;
  /** Why there is nothing to show. */
  children: ReactNode;
  /** Ways on besides the jobs list. */
  actions?: ReactNode;
};

/**
 * A page that cannot show what its address asks for (no such page, no such job, not yours): the
 * reason and the way back to the jobs list. Its page title is set by whoever renders it.
 */
export function RefusalPage({ title, children, actions }: RefusalPageProps) {
  return (
    <div className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-2 text-muted">{children}</div>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Link to={paths.jobs()} className={buttonClass}>
          Back to the jobs list
        </Link>
        {actions}
      </div>
    </div>
  );
}
