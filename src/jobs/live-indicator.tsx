import { truncate } from '../lib/format.ts';
import { formatDuration } from '../ui/time.ts';
import { useNow } from '../ui/use-now.ts';
import type { StreamState } from './stream/stream-state.ts';
import { cn } from '../ui/cn.ts';

const DOT = {
  green: 'bg-ok',
  amber: 'bg-warn',
  grey: 'bg-muted',
  red: 'bg-danger',
};

type Look = { dot: keyof typeof DOT; label: string; detail?: string };

function ago(ms: number): string {
  return ms < 1000 ? 'just now' : `${formatDuration(Math.floor(ms / 1000) * 1000)} ago`;
}

function look(state: StreamState, now: number): Look {
  switch (state.phase) {
    case 'connecting':
      return { dot: 'grey', label: 'Connecting…' };
    case 'live':
      return {
        dot: 'green',
        label: state.viaOtherTab ? 'Live (via another tab)' : 'Live',
        detail:
          state.lastPingAt !== undefined
            ? `heartbeat ${ago(now - state.lastPingAt)}`
            : state.connectedAt !== undefined
              ? `connected ${ago(now - state.connectedAt)}`
              : undefined,
      };
    case 'reconnecting': {
      const wait = state.nextRetryAt !== undefined ? state.nextRetryAt - now : 0;
      return {
        dot: 'amber',
        label: `Reconnecting (attempt ${state.attempt})`,
        detail:
          wait > 1000
            ? `next try in ${formatDuration(Math.ceil(wait / 1000) * 1000)}`
            : 'trying now',
      };
    }
    case 'polling':
      return { dot: 'amber', label: 'Polling', detail: 'checking for updates every few seconds' };
    case 'done':
      return { dot: 'grey', label: 'Finished' };
    case 'failed':
      return { dot: 'red', label: 'Live updates stopped' };
  }
}

type LiveIndicatorProps = { state: StreamState };

/** Tells the truth about the live connection: live (with the last heartbeat), reconnecting, polling, failed. */
export function LiveIndicator({ state }: LiveIndicatorProps) {
  const ticking = state.phase === 'live' || state.phase === 'reconnecting';
  const now = useNow(1000, ticking);
  const { dot, label, detail } = look(state, now);
  const problem = state.phase !== 'live' ? state.problem : undefined;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span
        data-testid="live-indicator"
        className="inline-flex items-center gap-1.5 rounded-full border border-line px-2 py-0.5"
      >
        <span
          aria-hidden="true"
          className={cn('size-2 rounded-full', DOT[dot], state.phase === 'live' && 'animate-pulse')}
        />
        <span role="status" className="font-medium">
          {label}
        </span>
        {detail && <span className="text-muted"> · {detail}</span>}
      </span>
      {problem && (
        <span className="min-w-0 break-words text-ink">
          {problem.code && <span className="font-mono font-medium">{problem.code}: </span>}
          {truncate(problem.message, 300)}
        </span>
      )}
    </div>
  );
}
