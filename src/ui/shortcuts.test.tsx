import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts, type Shortcuts } from './shortcuts.ts';

function Bound({ shortcuts }: { shortcuts: Shortcuts }) {
  useShortcuts(shortcuts);
  return (
    <>
      <input aria-label="Field" />
      <button type="button">Button</button>
    </>
  );
}

describe('useShortcuts', () => {
  it('fires on the page, never while typing in a field', async () => {
    const user = userEvent.setup();
    const j = vi.fn();
    const { getByLabelText } = render(<Bound shortcuts={{ j }} />);
    await user.keyboard('j');
    expect(j).toHaveBeenCalledTimes(1);
    await user.click(getByLabelText('Field'));
    await user.keyboard('j');
    expect(j).toHaveBeenCalledTimes(1);
    expect(getByLabelText('Field')).toHaveValue('j');
  });

  it('reads a two-key sequence, and ignores keys with Ctrl or Meta', async () => {
    const user = userEvent.setup();
    const list = vi.fn();
    const l = vi.fn();
    render(<Bound shortcuts={{ 'g l': list, l }} />);
    await user.keyboard('gl');
    expect(list).toHaveBeenCalledTimes(1);
    expect(l).not.toHaveBeenCalled();
    await user.keyboard('l');
    expect(l).toHaveBeenCalledTimes(1);
    await user.keyboard('{Control>}l{/Control}');
    expect(l).toHaveBeenCalledTimes(1);
  });

  it('leaves Enter on a button to the button', async () => {
    const user = userEvent.setup();
    const enter = vi.fn();
    const { getByRole, unmount } = render(<Bound shortcuts={{ Enter: enter }} />);
    getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(enter).not.toHaveBeenCalled();
    getByRole('button').blur();
    await user.keyboard('{Enter}');
    expect(enter).toHaveBeenCalledTimes(1);
    unmount();
    await user.keyboard('{Enter}');
    expect(enter).toHaveBeenCalledTimes(1);
  });
});
