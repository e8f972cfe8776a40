import { render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { LiveIndicator } from './live-indicator.tsx';
import type { StreamState } from './stream/stream-state.ts';

const NOW = Date.parse('2026-01-01T10:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** Draws the indicator for one state of the stream; returns the line it shows. */
function indicate(state: StreamState) {
  render(<LiveIndicator state={state} />);
  return screen.getByTestId('live-indicator');
}

describe('LiveIndicator', () => {
  it('says live with the time since the last heartbeat', () => {
    const line = indicate({
      phase: 'live',
      attempt: 0,
      connectedAt: NOW - 60_000,
      lastPingAt: NOW - 12_000,
    });
    expect(line).toHaveTextContent('Live · heartbeat 12 s ago');
    expect(screen.getByRole('status')).toHaveTextContent('Live');
  });

  it('says reconnecting with the attempt and when the next try is', () => {
    const line = indicate({
      phase: 'reconnecting',
      attempt: 3,
      nextRetryAt: NOW + 4000,
      problem: { message: 'The connection to the server was lost.' },
    });
    expect(line).toHaveTextContent('Reconnecting (attempt 3) · next try in 4.0 s');
    expect(screen.getByText('The connection to the server was lost.')).toBeInTheDocument();
  });

  it('says polling with the error code the stream reported', () => {
    indicate({
      phase: 'polling',
      attempt: 0,
      problem: { code: 'QuotaExceeded', message: 'No more' },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Polling');
    expect(screen.getByText('QuotaExceeded:')).toBeInTheDocument();
  });
});
