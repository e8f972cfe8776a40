import { own, RawNumber, STRING_PREVIEW } from './json-model.ts';
import { outlineResult, type Outline } from './result-outline.ts';

// What kind of NuExtract output a document is, told from its shape (the job type is not documented and
// may say anything), with what its views show, in a form small enough to cross from the worker.

/** A long text's start, and its full length. */
type TextPreview = { text: string; length: number };

type SelectedExample = {
  name?: string;
  id?: string;
  tokens?: number;
  similarity?: number;
};

export type DocumentInfo = Partial<
  Record<'fileName' | 'type' | 'documentId' | 'fileId', string> &
    Record<'partCount' | 'dpi', number>
>;

/** What every kind may carry beside its result (all checked: anything else is left out). */
export type OutputFacts = {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  logprobs?: number;
  /** 0–1, the geometric mean of the output tokens' probabilities: the model's confidence. */
  probability?: number;
  /** The result does not fit the template. */
  error?: { code?: string; message?: string };
  reasoning?: TextPreview;
  examples: SelectedExample[];
  documentInfo?: DocumentInfo;
};

export type TemplateField = { name: string; type: string; children?: TemplateField[] };

export type OutputShape =
  | { kind: 'extraction'; facts: OutputFacts; outline: Outline }
  | { kind: 'content'; facts: OutputFacts; markdown: TextPreview }
  | { kind: 'template'; facts: OutputFacts; fields: TemplateField[] }
  | { kind: 'other' };

/** Markdown past this is previewed up to here (rendering megabytes of it would freeze the page). */
export const MARKDOWN_PREVIEW = 100_000;
const MAX_EXAMPLES = 50;
const TEMPLATE_TYPES = new Set([
  'string',
  'verbatim-string',
  'integer',
  'number',
  'boolean',
  'date-time',
  'date',
  'time',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  if (value instanceof RawNumber) return value.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.slice(0, STRING_PREVIEW) : undefined;
}

function preview(value: unknown, max: number): TextPreview | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length <= max) return { text: value, length: value.length };
  const cut = value.lastIndexOf('\n', max);
  return { text: value.slice(0, cut > max / 2 ? cut : max), length: value.length };
}

function factsOf(root: Record<string, unknown>): OutputFacts {
  const error = own(root, 'error');
  const info = own(root, 'documentInfo');
  const examples = own(root, 'selectedExamples');
  const probability = num(own(root, 'outputTokenProbability'));
  return {
    inputTokens: num(own(root, 'inputTokens')),
    outputTokens: num(own(root, 'outputTokens')),
    totalTokens: num(own(root, 'totalTokens')),
    logprobs: num(own(root, 'logprobs')),
    probability:
      probability !== undefined && probability >= 0 && probability <= 1 ? probability : undefined,
    error: isObject(error)
      ? {
          code: str(own(error, 'errorCode') ?? own(error, 'code')),
          message: str(own(error, 'message')),
        }
      : typeof error === 'string'
        ? { message: str(error) }
        : undefined,
    reasoning: preview(own(root, 'thinkingTrace'), STRING_PREVIEW * 10),
    examples: Array.isArray(examples)
      ? examples
          .slice(0, MAX_EXAMPLES)
          .filter(isObject)
          .map((e) => ({
            name: str(own(e, 'exampleName')),
            id: str(own(e, 'exampleId')),
            tokens: num(own(e, 'tokensCount')),
            similarity: num(own(e, 'similarity')),
          }))
      : [],
    documentInfo: isObject(info)
      ? {
          fileName: str(own(info, 'fileName')),
          type: str(own(info, 'type')),
          documentId: str(own(info, 'documentId')),
          fileId: str(own(info, 'fileId')),
          partCount: num(own(info, 'partCount')),
          dpi: num(own(info, 'dpi')),
        }
      : undefined,
  };
}

/** A NuExtract template: every leaf a type name, an enum (`["a", "b"]`) or a list of one of those. */
function templateFields(
  value: Record<string, unknown>,
  budget: { left: number },
): TemplateField[] | null {
  const fields: TemplateField[] = [];
  for (const name of Object.keys(value)) {
    if (--budget.left < 0) return null;
    const field = templateField(name, own(value, name), budget);
    if (!field) return null;
    fields.push(field);
  }
  return fields;
}

function templateField(
  name: string,
  spec: unknown,
  budget: { left: number },
): TemplateField | null {
  if (typeof spec === 'string') return TEMPLATE_TYPES.has(spec) ? { name, type: spec } : null;
  if (isObject(spec)) {
    const children = templateFields(spec, budget);
    return children && children.length > 0 ? { name, type: 'object', children } : null;
  }
  if (!Array.isArray(spec) || spec.length === 0) return null;
  if (spec.length > 1) {
    return spec.every((option) => typeof option === 'string')
      ? { name, type: `one of: ${spec.join(', ')}` }
      : null;
  }
  const options = spec[0];
  // `[["a", "b"]]`: several of these options.
  if (Array.isArray(options) && options.length > 1) {
    return options.every((o) => typeof o === 'string')
      ? { name, type: `any of: ${options.join(', ')}` }
      : null;
  }
  const item = templateField(name, options, budget);
  if (!item) return null;
  return { ...item, type: `list of ${item.type === 'object' ? 'objects' : item.type}` };
}

const EXTRACTION_MARKS = [
  'rawModelOutput',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'logprobs',
  'outputTokenProbability',
  'documentInfo',
  'selectedExamples',
];

export function describeOutput(root: unknown): OutputShape {
  if (!isObject(root)) return { kind: 'other' };
  const result = own(root, 'result');
  if (typeof result === 'string') {
    return {
      kind: 'content',
      facts: factsOf(root),
      markdown: preview(result, MARKDOWN_PREVIEW) ?? { text: '', length: 0 },
    };
  }
  if (isObject(result)) {
    const fields = templateFields(result, { left: 2_000 });
    if (fields && fields.length > 0) return { kind: 'template', facts: factsOf(root), fields };
  }
  const marked = EXTRACTION_MARKS.some((key) => own(root, key) !== undefined);
  if ((isObject(result) || Array.isArray(result)) && marked) {
    return { kind: 'extraction', facts: factsOf(root), outline: outlineResult(result, ['result']) };
  }
  return { kind: 'other' };
}
