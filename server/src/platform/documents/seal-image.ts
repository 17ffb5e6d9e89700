/**
 * 电子印章的印模: the round red seal of a department as it appears on paper — a ring, a five-pointed
 * star, the department's name along the top arc and the seal's purpose across the bottom (GA
 * 241-2000 style for 公章). Drawn as vectors, so it prints sharp at any size.
 */
import { degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const SEAL_RED = rgb(0.86, 0.08, 0.08);

export interface SealImage {
  /** Centre and radius in points. */
  x: number;
  y: number;
  radius: number;
  /** The department's name, along the top arc. */
  name: string;
  /** Across the bottom, e.g. 行政审批专用章. */
  purpose: string;
}

function starPath(r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const d = i % 2 === 0 ? r : r * 0.382;
    return `${(d * Math.cos(a)).toFixed(2)} ${(d * Math.sin(a)).toFixed(2)}`;
  });
  return `M ${points.join(' L ')} Z`;
}

export function drawSeal(page: PDFPage, font: PDFFont, s: SealImage): void {
  page.drawCircle({
    x: s.x,
    y: s.y,
    size: s.radius,
    borderColor: SEAL_RED,
    borderWidth: s.radius * 0.06,
    opacity: 0,
    borderOpacity: 0.85,
  });
  page.drawSvgPath(starPath(s.radius * 0.28), { x: s.x, y: s.y + s.radius * 0.05, color: SEAL_RED, opacity: 0.85 });
  // The name runs clockwise over the top, spread over up to 210°, each character upright to the centre.
  const chars = [...s.name];
  const size = Math.min(s.radius * 0.26, ((s.radius * 0.78 * Math.PI * 4) / 3 / chars.length) * 0.92);
  const span = Math.min((210 * Math.PI) / 180, (chars.length * size * 1.08) / (s.radius * 0.78));
  const inner = s.radius * 0.78 - size / 2;
  chars.forEach((ch, i) => {
    const a = Math.PI / 2 + span / 2 - (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1));
    const w = font.widthOfTextAtSize(ch, size);
    const rot = a - Math.PI / 2;
    // Baseline start so that the glyph's centre sits on the arc.
    const cx = s.x + inner * Math.cos(a);
    const cy = s.y + inner * Math.sin(a);
    const x = cx - (w / 2) * Math.cos(rot) + size * 0.35 * Math.sin(rot);
    const y = cy - (w / 2) * Math.sin(rot) - size * 0.35 * Math.cos(rot);
    page.drawText(ch, { x, y, size, font, color: SEAL_RED, rotate: degrees((rot * 180) / Math.PI), opacity: 0.9 });
  });
  const psize = Math.min(s.radius * 0.17, (s.radius * 1.2) / Math.max(1, [...s.purpose].length));
  page.drawText(s.purpose, {
    x: s.x - font.widthOfTextAtSize(s.purpose, psize) / 2,
    y: s.y - s.radius * 0.55,
    size: psize,
    font,
    color: SEAL_RED,
    opacity: 0.9,
  });
}
