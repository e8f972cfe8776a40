import { useEffect, useState } from 'react';
import { buttonClass } from '../ui/button-styles.ts';

type NotifyState = 'off' | 'on' | 'blocked';

type NotifyOnFinishProps = {
  jobId: string;
  /** The completion sentence, once the job finishes: the notification's text. */
  announcement: string;
  /** The offer is hidden once the job has finished; the component stays to send the notification. */
  finished: boolean;
};

/** A desktop notification on completion, offered on a click (permission is never asked on load). */
export function NotifyOnFinish({ jobId, announcement, finished }: NotifyOnFinishProps) {
  const supported = typeof Notification !== 'undefined';
  const [state, setState] = useState<NotifyState>(() =>
    supported && Notification.permission === 'denied' ? 'blocked' : 'off',
  );

  useEffect(() => {
    if (!announcement || state !== 'on') return;
    try {
      new Notification(announcement, { tag: `job-${jobId}` });
    } catch {
      // some browsers only allow notifications from a service worker
    }
  }, [announcement, state, jobId]);

  if (!supported || finished) return null;
  if (state === 'blocked') {
    return <span className="text-xs text-muted">Notifications are blocked</span>;
  }

  async function toggle() {
    if (state === 'on') return setState('off');
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setState(permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off');
  }

  return (
    <button
      type="button"
      className={buttonClass}
      aria-pressed={state === 'on'}
      onClick={() => void toggle()}
    >
      {state === 'on' ? 'Will notify when finished' : 'Notify me when finished'}
    </button>
  );
}
