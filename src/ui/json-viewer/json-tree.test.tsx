import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { localDoc } from './json-doc.ts';
import { JsonTree } from './json-tree.tsx';

const marked = (list: HTMLElement) => list.querySelector('[aria-current="true"]');

describe('JsonTree', () => {
  it('searches keys and values, steps with Enter and Shift+Enter, and opens the tree to each', async () => {
    const user = userEvent.setup();
    const doc = localDoc({
      result: { parties: [{ name: 'Acme' }, { name: 'Zoë', note: 'named in clause 2' }] },
      other: 1,
    });
    render(<JsonTree doc={doc} label="Output" />);
    const list = screen.getByRole('list', { name: 'Output as a tree' });
    const field = screen.getByLabelText('Search output');
    await user.type(field, 'NAME');
    expect(await screen.findByText('1 of 3 matches')).toBeInTheDocument();
    await waitFor(() => expect(marked(list)).toHaveTextContent('name: “Acme”'));
    await user.type(field, '{Enter}');
    expect(await screen.findByText('2 of 3 matches')).toBeInTheDocument();
    await waitFor(() => expect(marked(list)).toHaveTextContent('name: “Zoë”'));
    await user.type(field, '{Enter}');
    await waitFor(() => expect(marked(list)).toHaveTextContent('note: “named in clause 2”'));
    await user.type(field, '{Shift>}{Enter}{/Shift}');
    expect(await screen.findByText('2 of 3 matches')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'nothing like it');
    expect(await screen.findByText('No matches')).toBeInTheDocument();
  });

  it('opens to a linked value far down a long array, loading only the page that holds it', async () => {
    const doc = localDoc({ items: Array.from({ length: 250 }, (_, i) => ({ n: i })) });
    render(<JsonTree doc={doc} label="Output" target={['items', 230, 'n']} />);
    const list = screen.getByRole('list', { name: 'Output as a tree' });
    await waitFor(() => expect(marked(list)).toHaveTextContent('n: 230'));
    // Only items 200-249 are drawn; the button before them says what it hides.
    expect(within(list).getByText('Show 100 more (200 not shown)')).toBeInTheDocument();
    expect(within(list).getAllByRole('button', { name: /^Expand \d+$/ })).toHaveLength(49);
    expect(within(list).getByRole('button', { name: 'Collapse 230' })).toBeInTheDocument();
  });

  it('copies a value’s path and a link to it', async () => {
    const user = userEvent.setup();
    const doc = localDoc({ 'a.b': [{ "it's": 1 }] });
    render(
      <JsonTree
        doc={doc}
        label="Output"
        initiallyExpanded={new Set(['[]', '["a.b"]', '["a.b",0]'])}
        linkTo={(path) => `/jobs/x?path=${path.length}`}
      />,
    );
    await user.click(await screen.findByRole('button', { name: "Copy path of it's" }));
    expect(await navigator.clipboard.readText()).toBe("$['a.b'][0]['it\\'s']");
    await user.click(screen.getByRole('button', { name: "Copy link to it's" }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/jobs/x?path=3`);
  });
});
