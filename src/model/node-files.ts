import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VeriSpecError } from './errors.js';
import type { FileSource } from './files.js';

/** Node: a package in a folder on disk. */
export function folderSource(folder: string): FileSource {
  return {
    location: folder.endsWith('/') ? folder : `${folder}/`,
    async read(path) {
      try {
        return new Uint8Array(await readFile(join(folder, path)));
      } catch (error) {
        throw new VeriSpecError('fetch-failed', `cannot read ${join(folder, path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    },
  };
}
