/* The app's colours, named by what they mean; the table is colours.json, each name with its light and
   its dark value, a Tailwind palette colour ("slate-50"), or one at an opacity ("amber-950/40", as in
   bg-amber-950/40). Loaded by index.css (@plugin), this makes each a theme colour, so components write
   text-muted or bg-danger-soft, not a dark: pair.
   - page, surface, raised: the backgrounds; ink and muted: text; line and line-strong: borders.
   - accent, warn, info, ok, danger: the families, each with -soft (a background), -line (its border)
     and -ink (text on -soft). The family's own colour is for links, errors, the copy tick, the bars.
   - mark: the background of a marked value (a link's, a search match, a picked cell); see-through in
     the dark, where it sits on page and on surface alike.
   - code-key, code-string, code-number, code-literal: a JSON key, a string, a number, true and false.
   Every text colour meets WCAG AA (4.5:1) on every surface it is used on, in both themes: ink and
   muted on page, surface and raised; a family's ink on its soft background; a family's own colour on
   page, surface and raised; the code colours on page, surface, raised and mark. colours.test.ts
   checks it against Tailwind's palette. */
import plugin from 'tailwindcss/plugin';
import table from './colours.json';

/** A palette colour by its Tailwind name, at an opacity in percent (100 where opaque). */
export interface PaletteColour {
  name: string;
  percent: number;
}

interface ThemeColour {
  name: string;
  light: PaletteColour;
  dark: PaletteColour;
}

const PALETTE_COLOUR = /^([a-z]+(?:-\d+)?)(?:\/(\d{1,2}))?$/;

function paletteColour(value: unknown, name: string): PaletteColour {
  const match = typeof value === 'string' ? PALETTE_COLOUR.exec(value) : null;
  if (!match?.[1]) {
    throw new Error(`colours.json: ${name} has ${String(value)}, not a palette colour`);
  }
  return { name: match[1], percent: match[2] ? Number(match[2]) : 100 };
}

export const COLOURS: readonly ThemeColour[] = Object.entries(table).map(([name, sides]) => {
  if (sides.length !== 2) throw new Error(`colours.json: ${name} wants [light, dark]`);
  return { name, light: paletteColour(sides[0], name), dark: paletteColour(sides[1], name) };
});

function css({ name, percent }: PaletteColour): string {
  const colour = `var(--color-${name})`;
  return percent === 100 ? colour : `color-mix(in oklab, ${colour} ${percent}%, transparent)`;
}

// Each colour is the variable --color-<name>, set on :root to light-dark(), which follows the
// color-scheme that html.dark switches (the build turns it into variables for older browsers). A
// plugin's theme colour itself is written into every utility that uses it and never becomes a
// variable; pointing it at one keeps the CSS small and var(--color-<name>) usable, as @theme did.
export default plugin(
  ({ addBase }) => {
    addBase({
      ':root, :host': Object.fromEntries(
        COLOURS.map(({ name, light, dark }) => [
          `--color-${name}`,
          `light-dark(${css(light)}, ${css(dark)})`,
        ]),
      ),
    });
  },
  {
    theme: {
      extend: {
        colors: Object.fromEntries(COLOURS.map(({ name }) => [name, `var(--color-${name})`])),
      },
    },
  },
);
