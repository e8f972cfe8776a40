// Parses large JSON off the main thread and answers the tree's page-by-page questions about it.
import { utf8Length } from '../bytes.ts';
import { diffPayloads } from './json-diff.ts';
import { childrenOf, parseJson, planExpandAll, resolve, summarize, textOf } from './json-model.ts';
import { locate, searchJson } from './json-search.ts';
import { describeOutput } from './output-shape.ts';
import type { WorkerReply, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

const docs = new Map<number, unknown>();

function open(doc: number): unknown {
  if (!docs.has(doc)) throw new Error('This document is no longer open.');
  return docs.get(doc);
}

function answer(request: WorkerRequest): WorkerReply {
  switch (request.op) {
    case 'parse': {
      const bytes = utf8Length(request.text);
      if (request.measureOnly) return { op: 'parse', result: { bytes } };
      try {
        const value = parseJson(request.text);
        docs.set(request.doc, value);
        return { op: 'parse', result: { bytes, root: summarize(value) } };
      } catch (error) {
        // Not JSON (or nested deeper than the parser goes): shown as text.
        const message = error instanceof Error ? error.message : String(error);
        return { op: 'parse', result: { bytes, error: message } };
      }
    }
    case 'dispose':
      docs.delete(request.doc);
      return { op: 'dispose', result: null };
    case 'value': {
      const { input } = request;
      const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
      const value: unknown = JSON.parse(text);
      return { op: 'value', result: value };
    }
    case 'children': {
      const { doc, path, offset, limit } = request;
      return { op: 'children', result: childrenOf(resolve(open(doc), path), path, offset, limit) };
    }
    case 'text':
      return { op: 'text', result: textOf(resolve(open(request.doc), request.path)) };
    case 'expand':
      return { op: 'expand', result: planExpandAll(open(request.doc), request.budget) };
    case 'describe':
      return { op: 'describe', result: describeOutput(open(request.doc)) };
    case 'search': {
      const { doc, query, limit } = request;
      return { op: 'search', result: searchJson(open(doc), query, limit) };
    }
    case 'locate':
      return { op: 'locate', result: locate(open(request.doc), request.path) };
    case 'diff': {
      const { before, after, limit } = request;
      return { op: 'diff', result: diffPayloads(before, after, limit) };
    }
  }
}

function reply(response: WorkerResponse) {
  self.postMessage(response);
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    reply({ id: request.id, ok: true, ...answer(request) });
  } catch (error) {
    reply({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
