import { formatNumber } from '../../lib/format.ts';
import type { OutputFacts } from '../../lib/json/output-shape.ts';

type OutputSummaryProps = { facts: OutputFacts };

/** One line of figures: the model's confidence, the tokens it read and wrote, the document it read. */
export function OutputSummary({ facts }: OutputSummaryProps) {
  const info = facts.documentInfo;
  const parts: [string, string | undefined][] = [
    [
      'Confidence',
      facts.probability === undefined ? undefined : `${(facts.probability * 100).toFixed(1)}%`,
    ],
    ['Input tokens', num(facts.inputTokens)],
    ['Output tokens', num(facts.outputTokens)],
    ['Total tokens', num(facts.totalTokens)],
    ['Log probability', num(facts.logprobs)],
  ];
  const document: [string, string | undefined][] = info
    ? [
        ['File', info.fileName],
        ['Type', info.type],
        ['Parts', num(info.partCount)],
        ['DPI', num(info.dpi)],
      ]
    : [];
  return (
    <>
      <Figures label="Confidence and token usage" parts={parts} />
      <Figures label="Document" parts={document} />
    </>
  );
}

const num = (n: number | undefined) => (n === undefined ? undefined : formatNumber(n));

type FiguresProps = { label: string; parts: [string, string | undefined][] };

function Figures({ label, parts }: FiguresProps) {
  const shown = parts.filter((part): part is [string, string] => part[1] !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label={label}>
      {shown.map(([name, value]) => (
        <div key={name} className="flex min-w-0 gap-1.5">
          <dt className="text-muted">{name}</dt>
          <dd className="font-medium break-all tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
