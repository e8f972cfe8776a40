import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { vi } from 'vitest';
import { PayloadPanel } from './payload-panel.tsx';
import { PREVIEW_CHARS } from '../../ui/large-text.tsx';

/** The panel over `text`, titled Output unless `props` say otherwise. */
function showPanel(text: string, props: Partial<ComponentProps<typeof PayloadPanel>> = {}) {
  return render(<PayloadPanel title="Output" text={text} fileBase="x" {...props} />);
}

function tree(name = 'Output') {
  return screen.findByRole('list', { name: `${name} as a tree` });
}

/** Captures what a Download click would save. */
function captureDownloads() {
  const saved: { blob: Blob; name: string }[] = [];
  let last: Blob | undefined;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        last = blob;
        return 'blob:test';
      },
      revokeObjectURL: () => undefined,
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (last) saved.push({ blob: last, name: this.download });
  });
  return saved;
}

afterEach(() => vi.unstubAllGlobals());

describe('PayloadPanel', () => {
  it('shows JSON as a collapsible tree with its size, expanding children on demand', async () => {
    const user = userEvent.setup();
    const text = JSON.stringify({
      customer: { name: 'Zoë', city: 'Zürich' },
      total: 12.5,
      paid: false,
      note: null,
    });
    showPanel(text, { title: 'Input' });
    const list = await tree('Input');
    expect(screen.getByText(`${text.length + 2} B · JSON`)).toBeInTheDocument();
    expect(within(list).getByText('total')).toBeInTheDocument();
    expect(within(list).getByText('12.5')).toBeInTheDocument();
    expect(within(list).queryByText('name')).not.toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Expand customer' }));
    expect(within(list).getByText('name')).toBeInTheDocument();
    expect(within(list).getByText(/Zoë/)).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Collapse customer' }));
    expect(within(list).queryByText('name')).not.toBeInTheDocument();
  });

  it('switches to the raw text and back, and copies the whole text', async () => {
    const user = userEvent.setup();
    const text = '{"a": [1, 2, 3], "b": "two"}';
    showPanel(text, { title: 'Input' });
    await tree('Input');
    const raw = screen.getByRole('button', { name: 'Raw' });
    await user.click(raw);
    expect(raw).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Input as a tree' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy input' }));
    expect(await navigator.clipboard.readText()).toBe(text);
    await user.click(screen.getByRole('button', { name: 'JSON' }));
    expect(raw).toHaveAttribute('aria-pressed', 'false');
    expect(await tree('Input')).toBeInTheDocument();
  });

  it('opens an extraction output on its Result, with JSON and Raw one click away', async () => {
    const user = userEvent.setup();
    const text = JSON.stringify({
      rawModelOutput: '{"invoice":"INV-1"}',
      result: { invoice: 'INV-1', lines: [{ qty: 2 }] },
      inputTokens: 812,
      outputTokens: 95,
      totalTokens: 907,
      logprobs: -3.2,
      outputTokenProbability: 0.8734,
    });
    showPanel(text, { isOutput: true });
    const values = await screen.findByRole('list', { name: 'Extracted values' });
    expect(screen.getByRole('button', { name: 'Result' })).toHaveAttribute('aria-pressed', 'true');
    const usage = screen.getByLabelText('Confidence and token usage');
    expect(within(usage).getByText('87.3%')).toBeInTheDocument();
    expect(within(usage).getByText('907')).toBeInTheDocument();
    expect(within(usage).getByText('-3.2')).toBeInTheDocument();
    expect(within(values).getByText('invoice')).toBeInTheDocument();
    expect(within(values).getByText('INV-1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'JSON' }));
    const list = await tree();
    const keys = within(list)
      .getAllByText(/^(result|rawModelOutput|inputTokens|invoice)$/)
      .map((el) => el.textContent);
    expect(keys.slice(0, 2)).toEqual(['result', 'invoice']); // result first, already open
    await user.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('previews a markdown output: raw HTML stays text, the reasoning is collapsed', async () => {
    const text = JSON.stringify({
      result: '# Title\n\n<b>not bold</b>',
      thinkingTrace: 'One block.',
    });
    const { container } = showPanel(text, { isOutput: true });
    // The preview is a lazy chunk: its first import is slow in jsdom.
    expect(
      await screen.findByRole('heading', { name: 'Title' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('<b>', { exact: false })).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('Reasoning').closest('details')).not.toHaveAttribute('open');
    expect(screen.getByText('One block.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Output as a tree' })).not.toBeInTheDocument();
  });

  it('shows text that is not JSON as text, with a wrap toggle', async () => {
    const user = userEvent.setup();
    const text = 'Customer note: <script>alert("x")</script>\nsecond line';
    const { container } = showPanel(text, { title: 'Input' });
    const block = await screen.findByText(/Customer note/);
    expect(screen.getByText(/· text/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Raw' })).not.toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(block.className).toContain('whitespace-pre-wrap');
    await user.click(screen.getByRole('button', { name: 'Wrap' }));
    expect(block.className).not.toContain('whitespace-pre-wrap');
  });

  it('downloads JSON as application/json and text as text/plain, under a safe name', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const { unmount } = showPanel('{"a":1}', { fileBase: '../evil/job 1' });
    await tree();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    unmount();
    showPanel('plain', { title: 'Input', fileBase: 'job-1-input' });
    await screen.findByText('plain');
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([
      ['evil_job_1.json', 'application/json;charset=utf-8'],
      ['job-1-input.txt', 'text/plain;charset=utf-8'],
    ]);
  });

  it('links only http and https values; markup in keys and values stays text', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const text = JSON.stringify({
      [xss]: xss,
      js: 'javascript:alert(1)',
      data: 'data:text/html,<script>alert(1)</script>',
      rel: '/relative/path',
      web: 'https://example.com/a b',
      plain: 'http://example.com',
    });
    const { container } = showPanel(text);
    const list = await tree();
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a%20b',
      'http://example.com/',
    ]);
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(within(list).getAllByText(xss)).toHaveLength(1);
    expect(container.querySelector('img')).toBeNull();
  });

  // Many clicks through user-event: slow on a loaded machine, hence the longer timeout.
  it(
    'renders big arrays a page at a time, and expands or collapses everything',
    { timeout: 15_000 },
    async () => {
      const user = userEvent.setup();
      const text = JSON.stringify({ rows: Array.from({ length: 130 }, (_, i) => ({ i })) });
      const { container } = showPanel(text);
      const count = (label: string) =>
        container.querySelectorAll(`button[aria-label^="${label} "]`).length;
      const list = await tree();
      await user.click(within(list).getByRole('button', { name: 'Expand rows' }));
      expect(count('Expand')).toBe(100);
      await user.click(within(list).getByRole('button', { name: 'Show 30 more (30 not shown)' }));
      expect(count('Expand')).toBe(130);

      await user.click(screen.getByRole('button', { name: 'Collapse all' }));
      await waitFor(() => expect(count('Expand')).toBe(1));
      expect(count('Collapse')).toBe(0);
      await user.click(screen.getByRole('button', { name: 'Expand all' }));
      // Breadth first: the root, rows, and the first page of rows' items (130 rows, budget permitting).
      await waitFor(() => expect(count('Collapse')).toBe(102));
    },
  );

  it('copies a value in full, not the preview the row shows', async () => {
    const user = userEvent.setup();
    const long = `start ${'x'.repeat(5000)} end`;
    showPanel(JSON.stringify({ long, nested: { a: [1] } }));
    const list = await tree();
    expect(within(list).getByText('(5,010 characters)')).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Copy value of long' }));
    expect(await navigator.clipboard.readText()).toBe(long);
    await user.click(within(list).getByRole('button', { name: 'Copy value of nested' }));
    expect(await navigator.clipboard.readText()).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(
      await screen.findByText('Copied nested.', { selector: '[aria-live]' }),
    ).toBeInTheDocument();
  });

  it('shows a huge text as a preview first, never as one giant text node', async () => {
    const user = userEvent.setup();
    const text = `${'line of text\n'.repeat(30_000)}the end`;
    showPanel(text, { title: 'Input' });
    expect(await screen.findByText(/Showing the first 100,000 of/)).toBeInTheDocument();
    expect(screen.queryByText(/the end/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    const all = await screen.findByText(/the end/);
    const block = all.parentElement as HTMLElement;
    await waitFor(() => expect(block.textContent).toBe(text));
    for (const piece of block.children)
      expect(piece.textContent?.length).toBeLessThanOrEqual(PREVIEW_CHARS);
  });
});
