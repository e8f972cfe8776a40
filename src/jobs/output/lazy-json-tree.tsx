import { lazy, type ComponentProps } from 'react';
import type { JsonTree as JsonTreeComponent } from '../../ui/json-viewer/json-tree.tsx';

// The tree is only needed once a payload is showing: it is a chunk of its own, fetched while the text
// is parsed. Once its code is here it renders directly: a lazy component's first render suspends, and
// React holds a suspended boundary's reveal back for up to 300 ms.
let loadedTree: typeof JsonTreeComponent | null = null;

export const loadTree = () =>
  import('../../ui/json-viewer/json-tree.tsx').then((module) => {
    loadedTree = module.JsonTree;
    return module;
  });

/** Loads the tree viewer's code ahead of need (a running job's output is coming). */
export function preloadJsonViewer(): void {
  void loadTree();
}

const LazyTree = lazy(() => loadTree().then((module) => ({ default: module.JsonTree })));

/** The JSON tree: drawn at once when its code is here, else through the lazy component (suspends once). */
export function LazyJsonTree(props: ComponentProps<typeof JsonTreeComponent>) {
  const Tree = loadedTree ?? LazyTree;
  return <Tree {...props} />;
}
