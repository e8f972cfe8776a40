import { forAttribute, shortId } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { cn } from '../ui/cn.ts';
import { Link } from '../ui/link.tsx';

type JobIdLinkProps = { id: string; className?: string };

/**
 * A link to a job named by its short id. The name is the visible short id (what a voice user would
 * say); the full id is its description.
 */
export function JobIdLink({ id, className }: JobIdLinkProps) {
  return (
    <Link
      to={paths.job(id)}
      title={forAttribute(id)}
      className={cn('font-mono text-accent hover:underline', className)}
    >
      {shortId(id)}
    </Link>
  );
}
