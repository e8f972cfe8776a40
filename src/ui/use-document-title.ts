import { useEffect } from 'react';
import { forAttribute } from '../lib/format.ts';

/** The tab's title; it may name server data (a status, an organization), so it is cut short. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${forAttribute(title)} · NuExtract Jobs`;
  }, [title]);
}
