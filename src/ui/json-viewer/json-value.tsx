import { useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import type { Summary } from '../../lib/json/json-model.ts';
import { linkHost, linkText, safeHttpUrl } from '../safe-url.ts';

/** Inline string values are cut here; the rest is one click (or a copy) away. */
export const INLINE_CHARS = 300;

type ValueProps = { summary: Summary; open: boolean };

/** One value as the tree row shows it: a container's size, or a primitive, coloured by type. */
export function Value({ summary, open }: ValueProps) {
  switch (summary.type) {
    case 'object':
    case 'array': {
      const [start, end] = summary.type === 'object' ? ['{', '}'] : ['[', ']'];
      const unit =
        summary.type === 'object'
          ? summary.count === 1
            ? 'key'
            : 'keys'
          : summary.count === 1
            ? 'item'
            : 'items';
      return (
        <span className="text-muted">
          {summary.count === 0 ? `${start}${end}` : open ? start : `${start}…${end}`}{' '}
          <span className="italic">
            {formatNumber(summary.count)} {unit}
          </span>
        </span>
      );
    }
    case 'string':
      return <StringValue value={summary.value} length={summary.length} />;
    case 'number':
      return <span className="text-code-number">{summary.source ?? String(summary.value)}</span>;
    case 'boolean':
      return <span className="text-code-literal">{String(summary.value)}</span>;
    case 'null':
      return <span className="text-muted">null</span>;
  }
}

type StringValueProps = { value: string; length: number };

function StringValue({ value, length }: StringValueProps) {
  const [more, setMore] = useState(false);
  const complete = value.length === length;
  const href = complete ? safeHttpUrl(value) : null;
  const whole = href ? linkText(value) : value;
  const shown = more || whole.length <= INLINE_CHARS ? whole : whole.slice(0, INLINE_CHARS);
  // A link is whole (complete): only its own text, less the controls taken out, can be longer.
  const cut = shown.length < (href ? whole.length : length);
  const text = (
    <>
      “{shown}
      {cut ? '…' : '”'}
    </>
  );
  return (
    <>
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-code-string underline"
        >
          {text}
          {/* Where it goes, whatever the text says. */}
          <span className="text-muted"> ({linkHost(href)})</span>
        </a>
      ) : (
        <span className="text-code-string">{text}</span>
      )}
      {cut && (
        <>
          {' '}
          <span className="text-muted">({formatNumber(length)} characters)</span>
          {!more && value.length > INLINE_CHARS && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => setMore(true)}
                className="text-accent underline hover:no-underline"
              >
                more
              </button>
            </>
          )}
        </>
      )}
    </>
  );
}
