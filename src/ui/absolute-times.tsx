import { useStoredFlag } from './stored-flag.ts';
import { Switch } from './switch.tsx';

/** Times everywhere as "3 minutes ago" or as the date and time with its zone, one choice for all tabs. */
export function useAbsoluteTimes() {
  return useStoredFlag('nuextract.absoluteTimes', 'local');
}

/** The one switch for it. */
export function AbsoluteTimesSwitch({ className }: { className?: string }) {
  const [absolute, setAbsolute] = useAbsoluteTimes();
  return (
    <Switch label="Absolute times" on={absolute} onChange={setAbsolute} className={className} />
  );
}
