import { useNavigate } from 'react-router';
import { paths } from '../../paths.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { clearMarks, useCompareMarks } from './compare-marks.ts';

/** "Compare" the two marked jobs; until then it says how many are marked. */
export function CompareButton() {
  const { ids, message } = useCompareMarks();
  const navigate = useNavigate();
  const [a, b] = ids;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        className={buttonClass}
        disabled={a === undefined || b === undefined}
        onClick={() => a !== undefined && b !== undefined && void navigate(paths.compare(a, b))}
      >
        {ids.length === 2 ? 'Compare 2 marked jobs' : `Compare (${ids.length} of 2 marked)`}
      </button>
      {ids.length > 0 && (
        <button type="button" className="text-accent underline" onClick={clearMarks}>
          Clear marks
        </button>
      )}
      <span role="status" className="sr-only">
        {message}
      </span>
    </div>
  );
}
