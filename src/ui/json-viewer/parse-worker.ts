// Parses large JSON off the main thread and answers the tree's page-by-page questions about it.
import { utf8Length } from '../bytes.ts';
import { childrenOf, parseJson, planExpandAll, resolve, summarize, textOf } from './json-model.ts';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './parse-protocol.ts';

type Scope = {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};
const scope = self as unknown as Scope;
const docs = new Map<number, unknown>();

function answer(request: WorkerRequest): WorkerResult {
  switch (request.op) {
    case 'parse': {
      const bytes = utf8Length(request.text);
      if (request.measureOnly) return { bytes };
      try {
        const value = parseJson(request.text);
        docs.set(request.doc, value);
        return { bytes, root: summarize(value) };
      } catch (error) {
        // Not JSON (or nested deeper than the parser goes): shown as text.
        return { bytes, error: error instanceof Error ? error.message : String(error) };
      }
    }
    case 'dispose':
      docs.delete(request.doc);
      return null;
    case 'value': {
      const text =
        typeof request.input === 'string' ? request.input : new TextDecoder().decode(request.input);
      return { value: JSON.parse(text) as unknown };
    }
  }
  if (!docs.has(request.doc)) throw new Error('This document is no longer open.');
  const root = docs.get(request.doc);
  switch (request.op) {
    case 'children':
      return childrenOf(resolve(root, request.path), request.path, request.offset, request.limit);
    case 'text':
      return textOf(resolve(root, request.path));
    case 'expand':
      return planExpandAll(root, request.budget);
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  try {
    scope.postMessage({ id: request.id, ok: true, result: answer(request) });
  } catch (error) {
    scope.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
