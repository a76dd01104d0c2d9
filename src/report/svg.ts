// Vega-Lite spec → Vega → SVG text, headless: no canvas, no DOM, no network (the data is
// inline in the spec; text widths are Vega's estimate when canvas is absent).
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders `spec` to an SVG element fit for inlining in HTML: the `xmlns` declarations are
 * dropped (an HTML parser puts <svg> in the SVG namespace itself), so the page names no URL, and
 * element ids get `idPrefix` so that several charts on one page cannot collide.
 *
 * @example
 * const svg = await renderSvg({ data: { values: rows }, mark: 'line', encoding: { … } }, 'acf');
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return inlineSvg(await view.toSVG(), idPrefix);
  } finally {
    view.finalize();
  }
}

/** Geometry attributes whose numbers are rounded to two decimals (a hundredth of a pixel). */
const GEOMETRY = /\b(d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g;

/** Drops namespace declarations, rounds geometry, and prefixes ids and their url(#…)/href references. */
export function inlineSvg(svg: string, idPrefix: string): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(GEOMETRY, (_all, name: string, value: string) => `${name}="${value.replace(/(\d+\.\d{2})\d+/g, '$1')}"`)
    .replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`);
}
