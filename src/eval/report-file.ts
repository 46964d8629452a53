import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * An eval report on disk: JSON, gzipped where the name ends in `.gz` (the shipped model's reports
 * live in the repository that way, eval/reports/). Errors name the file.
 */
export async function readReportFile(file: string): Promise<unknown> {
  try {
    const bytes = await readFile(file);
    return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as unknown;
  } catch (error) {
    throw new Error(`cannot read the report ${file}: ${(error as Error).message}`);
  }
}

export async function writeReportFile(file: string, report: unknown): Promise<void> {
  const text = `${JSON.stringify(report, null, 1)}\n`;
  await writeFile(file, file.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
}
