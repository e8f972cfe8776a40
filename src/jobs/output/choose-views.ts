import type { OutputShape } from '../../lib/json/output-shape.ts';

/** The ways to look at a payload, by the names its buttons carry. */
export type ViewName = 'result' | 'preview' | 'template' | 'json' | 'raw';

export const VIEW_LABELS: Record<ViewName, string> = {
  result: 'Result',
  preview: 'Preview',
  template: 'Template',
  json: 'JSON',
  raw: 'Raw',
};

/**
 * The views a payload offers, first the one it opens on. Text that is not JSON is only text (no
 * buttons); JSON always has the tree and Raw; an output NuExtract made leads with its own view.
 */
export function chooseViews(
  isJson: boolean,
  shape: OutputShape | undefined,
): { views: ViewName[]; first: ViewName } {
  if (!isJson) return { views: [], first: 'raw' };
  const lead: ViewName[] =
    shape?.kind === 'extraction'
      ? ['result']
      : shape?.kind === 'content'
        ? ['preview']
        : shape?.kind === 'template'
          ? ['template']
          : [];
  const views: ViewName[] = [...lead, 'json', 'raw'];
  return { views, first: views[0] ?? 'json' };
}
