import palette from 'tailwindcss/colors';
import { COLOURS, type PaletteColour } from './colours-plugin.ts';

// The contrast promise in colours-plugin.ts, checked on the colours as the browser paints them on an
// sRGB screen: Tailwind's oklch palette turned into sRGB (OKLab's published matrices), a see-through
// colour laid over what it sits on, then WCAG's relative luminance and contrast ratio.

type Rgb = readonly [number, number, number]; // gamma-encoded sRGB, each 0 to 1

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const toGamma = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const clip = (v: number) => Math.min(1, Math.max(0, v));

function oklchToRgb(lightness: number, chroma: number, hue: number): Rgb {
  const a = chroma * Math.cos((hue * Math.PI) / 180);
  const b = chroma * Math.sin((hue * Math.PI) / 180);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ] as const;
  // Out of sRGB's gamut, the screen shows the nearest it can: each channel clipped.
  return [toGamma(clip(linear[0])), toGamma(clip(linear[1])), toGamma(clip(linear[2]))];
}

/** A CSS colour as Tailwind's palette writes it: oklch(L% C H) or #rgb. */
function parseColour(css: string): Rgb {
  const oklch = /^oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)$/.exec(css);
  if (oklch) return oklchToRgb(Number(oklch[1]) / 100, Number(oklch[2]), Number(oklch[3]));
  const hex = /^#([\da-f])([\da-f])([\da-f])$/i.exec(css);
  const digit = (d = '') => parseInt(d + d, 16) / 255;
  if (hex) return [digit(hex[1]), digit(hex[2]), digit(hex[3])];
  throw new Error(`not a palette colour: ${css}`);
}

function paletteRgb(name: string): Rgb {
  const [family = '', shade] = name.split('-');
  const entry: unknown = (palette as Record<string, unknown>)[family];
  const css = shade === undefined ? entry : (entry as Record<string, unknown> | undefined)?.[shade];
  if (typeof css !== 'string') throw new Error(`Tailwind's palette has no ${name}`);
  return parseColour(css);
}

const luminance = ([r, g, b]: Rgb) =>
  0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);

function contrast(text: Rgb, background: Rgb): number {
  const [a, b] = [luminance(text), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** A colour at an opacity over an opaque one, blended as the browser does, in gamma-encoded sRGB. */
function over({ name, percent }: PaletteColour, below: Rgb): Rgb {
  const alpha = percent / 100;
  const [r, g, b] = paletteRgb(name);
  const blend = (top: number, bottom: number) => top * alpha + bottom * (1 - alpha);
  return [blend(r, below[0]), blend(g, below[1]), blend(b, below[2])];
}

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

function side(name: string, theme: Theme): PaletteColour {
  const colour = COLOURS.find((c) => c.name === name);
  if (!colour) throw new Error(`colours.json has no ${name}`);
  return colour[theme];
}

/** What a background looks like: a see-through one (mark in the dark) on page and on surface. */
function backdrops(name: string, theme: Theme): { label: string; rgb: Rgb }[] {
  const colour = side(name, theme);
  if (colour.percent === 100) return [{ label: name, rgb: paletteRgb(colour.name) }];
  return ['page', 'surface'].map((below) => ({
    label: `${name} over ${below}`,
    rgb: over(colour, paletteRgb(side(below, theme).name)),
  }));
}

const names = COLOURS.map((c) => c.name);
const families = names.filter((n) => n.endsWith('-soft')).map((n) => n.slice(0, -'-soft'.length));
const codeColours = names.filter((n) => n.startsWith('code-'));
const SURFACES = ['page', 'surface', 'raised'];

// The promise: each text colour and the backgrounds it is used on.
const PROMISE: [text: string, backgrounds: string[]][] = [
  ['ink', SURFACES],
  ['muted', SURFACES],
  ...families.map((f): [string, string[]] => [`${f}-ink`, [`${f}-soft`]]),
  ...families.map((f): [string, string[]] => [f, SURFACES]),
  ...codeColours.map((c): [string, string[]] => [c, [...SURFACES, 'mark']]),
];

const checks = THEMES.flatMap((theme) =>
  PROMISE.flatMap(([text, backgrounds]) =>
    backgrounds.flatMap((background) =>
      backdrops(background, theme).map(({ label, rgb }) => ({ theme, text, label, rgb })),
    ),
  ),
);

describe('the colour table', () => {
  it('names only colours in Tailwind’s palette, opaque but for mark in the dark', () => {
    for (const { name, light, dark } of COLOURS) {
      expect(() => paletteRgb(light.name)).not.toThrow();
      expect(() => paletteRgb(dark.name)).not.toThrow();
      expect([name, light.percent, dark.percent]).toEqual([name, 100, name === 'mark' ? 40 : 100]);
    }
  });

  it('has the five families and four code colours the promise speaks of', () => {
    expect(families).toEqual(['accent', 'warn', 'info', 'ok', 'danger']);
    expect(codeColours).toEqual(['code-key', 'code-string', 'code-number', 'code-literal']);
  });

  it('turns oklch into the sRGB the build writes', () => {
    const hex = (rgb: Rgb) =>
      rgb.map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, '0'),
      );
    // The build's own fallback for mark in the dark is #46190166: amber-950 at 40%.
    expect(hex(paletteRgb('amber-950')).join('')).toBe('461901');
    expect(hex(parseColour('oklch(62.8% 0.2577 29.23)')).join('')).toBe('ff0000');
    expect(luminance(paletteRgb('white'))).toBe(1);
    expect(contrast(paletteRgb('white'), parseColour('#000'))).toBe(21);
  });
});

describe('every text colour meets WCAG AA (4.5:1) where it is used', () => {
  it.each(checks)('$text on $label, $theme', ({ theme, text, rgb }) => {
    const ratio = contrast(paletteRgb(side(text, theme).name), rgb);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});
