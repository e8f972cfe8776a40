// React's DOM renderer, as a module of ours: main.ts imports it before the app (boot.tsx), so that
// React is evaluated in a task of its own. It sits in React's chunk (scripts/boot-chunks.ts); the
// entry imports it as an ES module, with no CommonJS glue that would make it wait for another chunk.
export { createRoot } from 'react-dom/client';
