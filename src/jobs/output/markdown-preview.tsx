import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeHttpUrl } from '../../ui/safe-url.ts';

// Markdown from a job is untrusted. Raw HTML in it is shown as the text it is (never parsed into
// elements), links go only to http(s) addresses and open apart from this page, and images are never
// fetched: their description and address are shown instead.

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Nodes that hold blocks: raw HTML among them becomes a paragraph of text, inline HTML text alone. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** A remark plugin: every raw HTML node becomes text with the same characters. */
function htmlAsText() {
  return (tree: MdNode) => {
    const stack: MdNode[] = [tree];
    for (let node = stack.pop(); node; node = stack.pop()) {
      const children = node.children ?? [];
      const block = BLOCK_PARENTS.has(node.type);
      children.forEach((child, i) => {
        if (child.type !== 'html') return stack.push(child);
        const text = { type: 'text', value: child.value ?? '' };
        children[i] = block ? { type: 'paragraph', children: [text] } : text;
      });
    }
  };
}

const cell = 'border border-line px-2 py-1';

const components: Components = {
  a: ({ href, children }) => {
    const safe = href ? safeHttpUrl(href) : null;
    return safe ? (
      <a href={safe} target="_blank" rel="noopener noreferrer" className="text-accent underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    );
  },
  img: ({ src, alt }) => (
    <span className="text-muted">
      [image: {alt || 'no description'}
      {typeof src === 'string' && src ? `, ${src}` : ''}]
    </span>
  ),
  h1: ({ children }) => <h3 className="text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="text-base font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="font-semibold">{children}</h5>,
  ul: ({ children }) => <ul className="list-disc pl-5">{children}</ul>,
  // A style property (set through the DOM, which the CSP allows), not one more class in every page's CSS.
  ol: ({ children }) => (
    <ol className="pl-5" style={{ listStyleType: 'decimal' }}>
      {children}
    </ol>
  ),
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table className="text-left text-xs">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className={cell}>{children}</th>,
  td: ({ children }) => <td className={cell}>{children}</td>,
  pre: ({ children }) => (
    <pre className="overflow-x-auto rounded-md bg-page p-2 text-xs">{children}</pre>
  ),
};

type MarkdownPreviewProps = { markdown: string };

/** Markdown drawn as a document (a lazy chunk: react-markdown loads only when a preview shows). */
export function MarkdownPreview({ markdown }: MarkdownPreviewProps) {
  return (
    <div className="space-y-3 text-sm break-words">
      <Markdown remarkPlugins={[remarkGfm, htmlAsText]} skipHtml={false} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
