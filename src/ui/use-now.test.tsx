import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './use-now.ts';

function Clock({
  name,
  intervalMs = 1000,
  active = true,
}: {
  name: string;
  intervalMs?: number;
  active?: boolean;
}) {
  const now = useNow(intervalMs, active);
  return <p aria-label={name}>{now}</p>;
}

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it('moves every clock of an interval on one timer, and stops it with the last', () => {
    const { unmount } = render(
      <>
        <Clock name="a" />
        <Clock name="b" />
        <Clock name="c" />
        <Clock name="slow" intervalMs={30_000} />
      </>,
    );
    expect(vi.getTimerCount()).toBe(2);
    act(() => vi.advanceTimersByTime(1000));
    for (const name of ['a', 'b', 'c'])
      expect(screen.getByLabelText(name)).toHaveTextContent('11000');
    expect(screen.getByLabelText('slow')).toHaveTextContent('10000');
    act(() => vi.advanceTimersByTime(29_000));
    expect(screen.getByLabelText('slow')).toHaveTextContent('40000');
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps ticking for the clocks left when one goes', () => {
    const { rerender } = render(
      <>
        <Clock name="a" />
        <Clock name="b" />
      </>,
    );
    rerender(<Clock name="a" />);
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByLabelText('a')).toHaveTextContent('12000');
  });

  it('moves a clock to its new interval, and starts one that becomes active', () => {
    const { rerender } = render(<Clock name="a" intervalMs={1000} active={false} />);
    rerender(<Clock name="a" intervalMs={1000} />);
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByLabelText('a')).toHaveTextContent('11000');
    rerender(<Clock name="a" intervalMs={30_000} />);
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(29_000));
    expect(screen.getByLabelText('a')).toHaveTextContent('11000');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByLabelText('a')).toHaveTextContent('41000');
  });

  it('does not tick while inactive', () => {
    render(<Clock name="idle" active={false} />);
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByLabelText('idle')).toHaveTextContent('10000');
  });
});
