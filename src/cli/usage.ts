import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Wrong arguments: the CLI prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs, with its errors turned into UsageError. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
