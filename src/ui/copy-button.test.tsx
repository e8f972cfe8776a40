import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { CopyButton } from './copy-button.tsx';

describe('CopyButton', () => {
  it('copies the full value and confirms it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<CopyButton value="job-0000-aaaa-bbbb-cccc-the-whole-id" label="Copy job id" />);
    await user.click(screen.getByRole('button', { name: 'Copy job id' }));
    expect(writeText).toHaveBeenCalledWith('job-0000-aaaa-bbbb-cccc-the-whole-id');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('says so when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<CopyButton value="x" label="Copy job id" />);
    await user.click(screen.getByRole('button', { name: 'Copy job id' }));
    expect(await screen.findByText('Copy failed')).toBeInTheDocument();
  });

  it('shows its word beside the icon, and keeps its name', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(
      <>
        <CopyButton value="id-1" label="Copy id" text="ID" />
        <CopyButton value="https://x/jobs/id-1" label="Copy link" text="Link" />
      </>,
    );
    const link = screen.getByRole('button', { name: 'Copy link' });
    expect(link).toHaveTextContent('Link');
    expect(screen.getByRole('button', { name: 'Copy id' })).toHaveTextContent('ID');
    await user.click(link);
    expect(writeText).toHaveBeenCalledWith('https://x/jobs/id-1');
    // The word stays while the tick replaces the icon.
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(link).toHaveTextContent('Link');
  });
});
