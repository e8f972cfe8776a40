import { cn } from './cn.ts';

describe('cn', () => {
  it('lets the later class win where two set the same thing', () => {
    expect(cn('block w-full rounded-md px-3', 'w-40')).toBe('block rounded-md px-3 w-40');
    expect(cn('rounded-md border', 'rounded-full')).toBe('border rounded-full');
    expect(cn('text-left text-xs text-muted', 'text-right')).toBe('text-xs text-muted text-right');
    expect(cn('mt-1 mb-2', 'my-4')).toBe('my-4');
    expect(cn('px-3 py-1.5', 'p-0')).toBe('p-0');
  });

  it('tells a font size from a colour, and a border width from its colour and style', () => {
    expect(cn('text-sm text-ink', 'text-danger')).toBe('text-sm text-danger');
    expect(cn('text-sm text-ink', 'text-xs')).toBe('text-ink text-xs');
    expect(cn('border border-line', 'border-dashed border-line-strong')).toBe(
      'border border-dashed border-line-strong',
    );
  });

  it('keeps variants apart and drops what is false', () => {
    expect(cn('bg-surface hover:bg-raised', false, undefined, 'dark:bg-page')).toBe(
      'bg-surface hover:bg-raised dark:bg-page',
    );
    expect(cn('hidden', ['sm:block', null], 'truncate', false, undefined)).toBe(
      'hidden sm:block truncate',
    );
  });
});
