import { type DrawingContext } from 'bwip-js';

/** bwip-js's built-in font: OCR-B, the face GS1 recommends for human-readable interpretation. */
const FONT = 'OCR-B';

/**
 * Wraps a bwip-js drawing (SVG or PNG) so the canvas grows downwards and the given text lines are drawn
 * under the symbol, left-aligned. bwip-js only prints one line of text and nothing at all for most 2D
 * symbols, while a pack needs four (GTIN, LOT, EXP, SN); doing it in the drawing layer keeps SVG and PNG
 * pixel-identical and needs no image library.
 */
export function withTextLines<T>(
  inner: DrawingContext<T>,
  lines: readonly string[],
  fontSize: number,
): DrawingContext<T> {
  const gap = Math.max(2, Math.round(fontSize / 3));
  const lineHeight = fontSize + gap;
  let symbolHeight = 0;
  return {
    setopts: (options) => inner.setopts?.(options),
    scale: (sx, sy) => inner.scale(sx, sy),
    measure: (text, font, width, height) => inner.measure(text, font, width, height),
    init(width, height) {
      symbolHeight = height;
      const textWidth = lines.reduce(
        (max, line) => Math.max(max, inner.measure(line, FONT, fontSize, fontSize).width),
        0,
      );
      inner.init(
        Math.max(width, Math.ceil(textWidth)),
        height + (lines.length > 0 ? gap + lines.length * lineHeight : 0),
      );
    },
    line: (x0, y0, x1, y1, lw, rgb) => inner.line(x0, y0, x1, y1, lw, rgb),
    polygon: (points) => inner.polygon(points),
    hexagon: (points) => inner.hexagon(points),
    ellipse: (x, y, rx, ry, ccw) => inner.ellipse(x, y, rx, ry, ccw),
    fill: (rgb) => inner.fill(rgb),
    text: (x, y, text, rgb, font) => inner.text(x, y, text, rgb, font),
    end() {
      lines.forEach((line, i) => {
        const baseline = symbolHeight + (i + 1) * lineHeight;
        inner.text(0, baseline, line, '000000', { name: FONT, width: fontSize, height: fontSize, dx: 0 });
      });
      return inner.end();
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * bwip-js draws text as glyph outlines (identical on every printer), which leaves nothing a program or
 * screen reader can read; this adds the lines as <title>/<desc> and an aria-label.
 */
export function addSvgText(svg: string, title: string, lines: readonly string[]): string {
  const open = svg.indexOf('<svg');
  const close = svg.indexOf('>', open);
  if (open < 0 || close < 0) return svg;
  const head = `${svg.slice(0, close)} role="img" aria-label="${escapeXml(lines.join(', ') || title)}">`;
  const text = `\n<title>${escapeXml(title)}</title>\n<desc>${escapeXml(lines.join('\n'))}</desc>`;
  return head + text + svg.slice(close + 1);
}
