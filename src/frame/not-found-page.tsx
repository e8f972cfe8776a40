import { RefusalPage } from '../jobs/refusal-page.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <RefusalPage title="Page not found">
      <p>There is nothing at this address.</p>
    </RefusalPage>
  );
}
