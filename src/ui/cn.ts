import { createTailwindMerge, type ClassNameValue } from 'tailwind-merge';

// Class names are composed here, never by string concatenation: when a caller adds a class that a base
// style already sets (a width, a corner, a margin, a colour), the caller's wins. tailwind-merge's full
// config is about 9 KiB gzipped, most of the first-load budget that is left, so this one knows only
// the groups our components override; a class outside them is kept as it is.

const anyValue = () => true;
const FONT_SIZES = new Set(['xs', 'sm', 'base', 'lg', 'xl', '2xl', '3xl']);
const isFontSize = (value: string) => FONT_SIZES.has(value);
const isBorderWidth = (value: string) => /^\d+$/.test(value);

const merge = createTailwindMerge(() => ({
  cacheSize: 200,
  theme: {},
  // Order matters where two groups share a prefix: the first whose validator accepts the value wins.
  classGroups: {
    display: ['block', 'inline-block', 'inline', 'flex', 'inline-flex', 'grid', 'hidden'],
    w: [{ w: [anyValue] }],
    'max-w': [{ 'max-w': [anyValue] }],
    m: [{ m: [anyValue] }],
    mx: [{ mx: [anyValue] }],
    my: [{ my: [anyValue] }],
    mt: [{ mt: [anyValue] }],
    mb: [{ mb: [anyValue] }],
    ml: [{ ml: [anyValue] }],
    mr: [{ mr: [anyValue] }],
    p: [{ p: [anyValue] }],
    px: [{ px: [anyValue] }],
    py: [{ py: [anyValue] }],
    rounded: [{ rounded: ['', anyValue] }],
    'text-align': [{ text: ['left', 'center', 'right'] }],
    'font-size': [{ text: [isFontSize] }],
    'text-color': [{ text: [anyValue] }],
    'bg-color': [{ bg: [anyValue] }],
    'border-w': [{ border: ['', isBorderWidth] }],
    'border-style': [{ border: ['solid', 'dashed', 'none'] }],
    'border-color': [{ border: [anyValue] }],
    opacity: [{ opacity: [anyValue] }],
  },
  conflictingClassGroups: {
    m: ['mx', 'my', 'mt', 'mb', 'ml', 'mr'],
    mx: ['ml', 'mr'],
    my: ['mt', 'mb'],
    p: ['px', 'py'],
  },
  conflictingClassGroupModifiers: {},
  orderSensitiveModifiers: [],
}));

/**
 * Joins class names (strings, arrays; false, null and undefined add nothing); of two classes that
 * conflict, the later wins.
 */
export function cn(...classes: ClassNameValue[]): string {
  return merge(...classes);
}
