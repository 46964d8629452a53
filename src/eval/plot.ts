import { writeFile } from 'node:fs/promises';
import type { Summary } from './report.js';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A horizontal bar chart, one row per family: the share of greedy outputs
 * that are syntax-valid (light), have the right interface (middle) and pass
 * the testbench (dark). Plain SVG, so the README shows it without a plotting
 * library.
 */
export function plotSvg(families: ReadonlyMap<string, Summary>, title: string): string {
  const rowHeight = 16;
  const labelWidth = 150;
  const barWidth = 420;
  const top = 48;
  const rows = [...families];
  const height = top + rows.length * rowHeight + 36;
  const width = labelWidth + barWidth + 70;
  const series = [
    { key: 'syntax', colour: '#c6dbef', label: 'syntax-valid' },
    { key: 'interface', colour: '#6baed6', label: 'right interface' },
    { key: 'function', colour: '#08519c', label: 'passes its testbench' },
  ] as const;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    ...series.map((s, i) => `<rect x="${labelWidth + i * 140}" y="26" width="10" height="10" fill="${s.colour}"/><text x="${labelWidth + i * 140 + 14}" y="35">${s.label}</text>`),
  ];
  rows.forEach(([family, summary], i) => {
    const y = top + i * rowHeight;
    parts.push(`<text x="${labelWidth - 6}" y="${y + 11}" text-anchor="end">${escapeXml(family)}</text>`);
    series.forEach((s, k) => {
      const value = summary.greedy[s.key] ?? 0;
      const inset = k * 2.5;
      parts.push(`<rect x="${labelWidth}" y="${y + 1 + inset}" width="${(value * barWidth).toFixed(1)}" height="${rowHeight - 2 - 2 * inset}" fill="${s.colour}"/>`);
    });
    parts.push(`<text x="${labelWidth + barWidth + 6}" y="${y + 11}">${Math.round(100 * (summary.greedy.function ?? 0))}%</text>`);
  });
  const axisY = top + rows.length * rowHeight + 4;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * barWidth;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${axisY}" stroke="#999" stroke-width="0.5"/>`, `<text x="${x}" y="${axisY + 14}" text-anchor="middle">${tick * 100}%</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export async function writePlot(path: string, families: ReadonlyMap<string, Summary>, title: string): Promise<void> {
  await writeFile(path, plotSvg(families, title));
}
