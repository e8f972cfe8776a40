import { useId } from 'react';

type SwitchProps = { label: string; on: boolean; onChange: (on: boolean) => void };

/** An on/off choice: a native checkbox announced as a switch, its label beside it. */
export function Switch({ label, on, onChange }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 accent-accent"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
