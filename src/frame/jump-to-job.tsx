import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isUsableJobId } from '../api/http.ts';
import { canonicalJobId } from '../jobs/job-id.ts';
import { paths } from '../paths.ts';
import { buttonClass, inputClass } from '../ui/button-styles.ts';
import { useShortcuts } from '../ui/shortcuts.ts';
import { cn } from '../ui/cn.ts';

export function JumpToJob() {
  const navigate = useNavigate();
  const [jobId, setJobId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();
  const field = useRef<HTMLInputElement>(null);
  useShortcuts({ '/': () => field.current?.focus() });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const id = jobId.trim();
    if (!id) return;
    if (!isUsableJobId(id)) {
      setProblem(`"${id}" is not a valid job id.`);
      return;
    }
    setProblem(null);
    setJobId('');
    void navigate(paths.job(canonicalJobId(id)));
  }

  return (
    <form
      role="search"
      onSubmit={onSubmit}
      className="flex min-w-0 flex-1 items-center gap-1 sm:flex-none"
    >
      <label htmlFor={fieldId} className="sr-only">
        Jump to job
      </label>
      <input
        id={fieldId}
        ref={field}
        value={jobId}
        onChange={(e) => {
          setJobId(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        placeholder="Jump to job id"
        spellCheck={false}
        autoComplete="off"
        className={cn(inputClass, 'min-w-0 sm:w-44')}
      />
      <button type="submit" className={buttonClass}>
        Go
      </button>
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-danger">
          {problem}
        </p>
      )}
    </form>
  );
}
