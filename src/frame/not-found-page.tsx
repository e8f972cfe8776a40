import { Link } from '../ui/link.tsx';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { cn } from '../ui/cn.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';

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
