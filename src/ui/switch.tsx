import { useId } from 'react';
import { cn } from './cn.ts';

type SwitchProps = {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  className?: string;
};

/** An on/off choice: a native checkbox announced as a switch, its label beside it. */
export function Switch({ label, on, onChange, className }: SwitchProps) {
  const id = useId();
  return (
    <div className={cn('flex items-center gap-1.5 text-sm', className)}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 shrink-0 accent-accent"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
