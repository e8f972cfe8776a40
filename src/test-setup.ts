import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor wait up to 1 s by default: on a 2-core machine running the browser tests beside
// these, a first render can take longer. A wait is not a failure; a missing element still fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  // The simulator's contract tests run in the node environment, without a DOM or storage.
  if (typeof window === 'undefined') return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
