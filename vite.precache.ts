import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * What the service worker (public/sw.js) does not store when it installs:
 * - model graphs: the model worker keeps them in Cache Storage by sha256;
 * - onnxruntime-web's .wasm: the loader keeps it there too (it downloads it anyway, with progress);
 * - yosys (29 MiB, used only once a race ends): stored by the service worker on first use;
 * - compressed copies (`.br`) and the service worker's own files.
 */
const LEFT_OUT = [
  /\.(onnx|bin|br)$/,
  /(^|\/)transformers\.js\//,
  /(^|\/)ort-wasm[^/]*\.wasm$/,
  /(^|\/)(yosys[^/]*|resources-yosys[^/]*|[^/]+\.v)$/,
  /^(sw\.js|precache\.json)$/,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The page's files a visit needs before a race, relative to the site's base (`./` is the page). */
export function precacheList(outDir: string): string[] {
  const files = filesUnder(outDir)
    .map((path) => relative(outDir, path).split(sep).join('/'))
    .filter((path) => path !== 'index.html' && !LEFT_OUT.some((pattern) => pattern.test(path)))
    .sort();
  return ['./', ...files];
}

/** Where public/sw.js takes the build's version. */
const VERSION_MARK = '__PRECACHE_VERSION__';

/**
 * Writes `precache.json` after the build: the files the service worker
 * stores when it installs, during the first visit, so the second visit
 * works offline. Its version (a hash of the list, whose asset names carry
 * content hashes) goes into sw.js: a new build is a new service worker,
 * which stores the new files and drops the old ones.
 */
export function precache(): Plugin {
  let outDir = 'dist';
  return {
    name: 'verispec-precache',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      if (!existsSync(join(outDir, 'index.html'))) return;
      const files = precacheList(outDir);
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      writeFileSync(join(outDir, 'precache.json'), `${JSON.stringify({ version, files }, null, 1)}\n`);
      const worker = join(outDir, 'sw.js');
      const source = readFileSync(worker, 'utf8');
      if (!source.includes(VERSION_MARK)) throw new Error(`${worker} has no ${VERSION_MARK} to version its cache with`);
      writeFileSync(worker, source.replaceAll(VERSION_MARK, version));
    },
  };
}
