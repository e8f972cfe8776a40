import { render, screen, within } from '@testing-library/react';
import { localDoc } from './json-doc.ts';
import { JsonTree } from './json-tree.tsx';

describe('links in the JSON tree', () => {
  it('name the host they go to and show no bidi controls', async () => {
    const doc = localDoc({
      spoof: 'https://evil.example/\u202Emoc.elgoog\u202C',
      idn: 'https://exаmple.com/',
    });
    render(<JsonTree doc={doc} label="Output" />);
    const list = await screen.findByRole('list', { name: 'Output as a tree' });
    const [spoof, idn] = within(list).getAllByRole('link');
    expect(spoof).toHaveTextContent('“https://evil.example/moc.elgoog” (evil.example)');
    expect(spoof?.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // A look-alike host is named as the browser reaches it.
    expect(idn).toHaveTextContent('(xn--exmple-4nf.com)');
  });
});
