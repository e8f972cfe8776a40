import { ownerCol, ROW_INNER_HEIGHT, rowGrid, td } from './table-frame.tsx';
import { cn } from '../../ui/cn.ts';

// Roughly each column's usual width.
const SKELETON_WIDTHS = [
  'w-20',
  'w-18',
  'w-32',
  'w-16',
  'w-20',
  'w-12 ml-auto',
  'w-12 ml-auto',
  'w-10',
];
// More placeholder rows than a screen holds only cost rendering time while the page is on its way
// (a 100-row skeleton is 1,600 elements); the rest of the height is one empty row.
const SKELETON_DRAWN_ROWS = 20;
// Below rows already shown, a couple say that more are coming: the rest is off screen.
const SKELETON_DRAWN_BELOW_ROWS = 2;

type SkeletonRowsProps = {
  rows: number;
  /** Rows are drawn above: a line between them, and only a couple of placeholders (the rest is height). */
  divided?: boolean;
};

/**
 * Placeholders in the shape and height of rows still to come (the whole page while it loads, the rest
 * while its first rows are shown), so nothing jumps when they arrive.
 */
export function SkeletonRows({ rows, divided = false }: SkeletonRowsProps) {
  const drawn = Math.min(rows, divided ? SKELETON_DRAWN_BELOW_ROWS : SKELETON_DRAWN_ROWS);
  return (
    // One animation for the whole body, not one per cell: hundreds of animated cells cost style
    // recalculations and an animationstart event each, all while the real page is arriving.
    <tbody
      role="rowgroup"
      className={cn(
        'block animate-pulse divide-y divide-line',
        divided && '[&>tr:first-child]:border-t',
      )}
    >
      {Array.from({ length: drawn }, (_, i) => (
        <tr key={i} aria-hidden="true" data-skeleton="" className={rowGrid}>
          {SKELETON_WIDTHS.map((width, col) => (
            <td key={col} className={cn(td, col === 3 && ownerCol)}>
              <div className={cn('h-6 rounded bg-line', width)} />
            </td>
          ))}
        </tr>
      ))}
      {rows > drawn && (
        <tr aria-hidden="true" className="block">
          {/* Its height is a style property set from script (CSSOM), which the CSP allows. */}
          <td
            className="block"
            style={{ height: `calc(${rows - drawn} * (${ROW_INNER_HEIGHT} + 1px))` }}
          />
        </tr>
      )}
    </tbody>
  );
}
