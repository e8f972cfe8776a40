import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../paths.ts';
import { buttonClass, inputClass } from '../ui/button-styles.ts';

export function JumpToJob() {
  const navigate = useNavigate();
  const [jobId, setJobId] = useState('');
  const fieldId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const id = jobId.trim();
    if (!id) return;
    setJobId('');
    void navigate(paths.job(id));
  }

  return (
    <form role="search" onSubmit={onSubmit} className="flex items-center gap-1">
      <label htmlFor={fieldId} className="sr-only">
        Jump to job
      </label>
      <input
        id={fieldId}
        value={jobId}
        onChange={(e) => setJobId(e.target.value)}
        placeholder="Jump to job id"
        spellCheck={false}
        autoComplete="off"
        className={`w-44 ${inputClass}`}
      />
      <button type="submit" className={buttonClass}>
        Go
      </button>
    </form>
  );
}
