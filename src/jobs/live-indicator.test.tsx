import { render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { LiveIndicator } from './live-indicator.tsx';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-01-01T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('LiveIndicator', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');

  it('says live with the time since the last heartbeat', () => {
    render(
      <LiveIndicator
        state={{ phase: 'live', attempt: 0, connectedAt: now - 60_000, lastPingAt: now - 12_000 }}
      />,
    );
    expect(screen.getByTestId('live-indicator')).toHaveTextContent('Live · heartbeat 12 s ago');
    expect(screen.getByRole('status')).toHaveTextContent('Live');
  });

  it('says reconnecting with the attempt and when the next try is', () => {
    render(
      <LiveIndicator
        state={{
          phase: 'reconnecting',
          attempt: 3,
          nextRetryAt: now + 4000,
          problem: { message: 'The connection to the server was lost.' },
        }}
      />,
    );
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(
      'Reconnecting (attempt 3) · next try in 4.0 s',
    );
    expect(screen.getByText('The connection to the server was lost.')).toBeInTheDocument();
  });

  it('says polling with the error code the stream reported', () => {
    render(
      <LiveIndicator
        state={{
          phase: 'polling',
          attempt: 0,
          problem: { code: 'QuotaExceeded', message: 'No more' },
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Polling');
    expect(screen.getByText('QuotaExceeded:')).toBeInTheDocument();
  });
});
