import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { licenceOf, parseCopyright, type LicenceRule } from './copyright.js';

const run = promisify(execFile);

/** The Debian packages whose Verilog the corpus learns from. */
export const RTL_PACKAGES = ['yosys', 'verilator', 'iverilog'] as const;

/** One harvested Verilog file and where it came from. */
export interface SourceFile {
  package: string;
  version: string;
  /** `binary`: installed by the package; `source`: from its source package (apt-get source). */
  origin: 'binary' | 'source';
  /** Installed path, or the path inside the upstream source tree. */
  path: string;
  licence: string;
  text: string;
}

const VERILOG_FILE = /\.(v|sv)$/;
const MAX_FILE_BYTES = 256 * 1024;

async function copyrightRules(pkg: string): Promise<LicenceRule[]> {
  const text = await readFile(`/usr/share/doc/${pkg}/copyright`, 'utf8').catch(() => '');
  return parseCopyright(text);
}

async function installedVersion(pkg: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f', '${Version}', pkg]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function readSmall(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_FILE_BYTES) return undefined;
  return readFile(path, 'utf8');
}

/** Verilog files installed by `pkg` (nothing, with a warning, when it is not installed). */
export async function binaryPackageFiles(pkg: string, warn: (m: string) => void): Promise<SourceFile[]> {
  const version = await installedVersion(pkg);
  if (!version) {
    warn(`${pkg} is not installed; its Verilog is skipped (apt-get install ${pkg})`);
    return [];
  }
  const rules = await copyrightRules(pkg);
  const { stdout } = await run('dpkg', ['-L', pkg], { maxBuffer: 64 << 20 });
  const files: SourceFile[] = [];
  for (const path of stdout.split('\n').filter((p) => VERILOG_FILE.test(p))) {
    const text = await readSmall(path);
    // An installed file no longer says where it sits in the source tree: the catch-all stanza covers it.
    if (text !== undefined) files.push({ package: pkg, version, origin: 'binary', path, licence: licenceOf(rules, '*') ?? 'unknown', text });
  }
  return files;
}

/**
 * Downloads and unpacks the upstream tarballs of the source packages with a
 * private apt configuration (it touches nothing of the system's apt state),
 * into `cacheDir`. Returns the unpacked trees with their versions, and what
 * could not be fetched.
 */
export async function fetchSourcePackages(packages: readonly string[], cacheDir: string, log: (m: string) => void): Promise<{ trees: Map<string, { version: string; root: string }>; errors: string[] }> {
  const listsDir = join(cacheDir, 'lists');
  const downloads = join(cacheDir, 'downloads');
  await mkdir(join(listsDir, 'partial'), { recursive: true });
  await mkdir(downloads, { recursive: true });
  const sourcesList = join(cacheDir, 'sources.list');
  const suite = (await readFile('/etc/os-release', 'utf8')).match(/VERSION_CODENAME=(\w+)/)?.[1] ?? 'bookworm';
  await writeFile(sourcesList, `deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian ${suite} main\n`);
  const aptOptions = [
    '-o', `Dir::Etc::SourceList=${sourcesList}`, '-o', 'Dir::Etc::SourceParts=/dev/null',
    '-o', `Dir::State::Lists=${listsDir}`, '-o', 'Debug::NoLocking=1', '-qq',
  ];
  const trees = new Map<string, { version: string; root: string }>();
  const errors: string[] = [];
  const pending = packages.filter((p) => !existsSync(join(cacheDir, 'src', p, '.unpacked')));
  if (pending.length > 0) {
    log(`apt-get source --download-only ${pending.join(' ')}`);
    await run('apt-get', [...aptOptions, 'update'], { timeout: 300_000 }).catch(async (e: Error) => {
      // apt drops to its sandbox user, which must be able to write /dev/null; some containers make it root-only.
      const devNull = await stat('/dev/null');
      throw (devNull.mode & 0o002) === 0 ? new Error(`${e.message}\n  /dev/null is not writable by apt's sandbox user (mode ${(devNull.mode & 0o777).toString(8)}): chmod 666 /dev/null`) : e;
    });
  }
  for (const pkg of pending) {
    // apt-get fails the whole package when any of its files is missing from the
    // mirror (iverilog's Debian tarball is); the upstream tarball is all we need.
    await run('apt-get', [...aptOptions, 'source', '--download-only', pkg], { cwd: downloads, timeout: 600_000, maxBuffer: 16 << 20 })
      .catch((e: Error) => log(`  apt-get source ${pkg}: ${e.message.split('\n').filter((l) => l.startsWith('E:')).join(' ')}`));
    const names = await readdir(downloads);
    const tarball = names.find((n) => n.startsWith(`${pkg}_`) && /\.orig\.tar\.\w+$/.test(n));
    if (!tarball) { errors.push(`${pkg}: no upstream tarball downloaded`); continue; }
    const root = join(cacheDir, 'src', pkg);
    await mkdir(root, { recursive: true });
    await run('tar', ['-xf', join(downloads, tarball), '-C', root, '--strip-components=1'], { maxBuffer: 16 << 20 });
    await writeFile(join(root, '.unpacked'), /_([^_]+)\.orig\.tar/.exec(tarball)![1]!);
  }
  for (const pkg of packages) {
    const root = join(cacheDir, 'src', pkg);
    const version = await readFile(join(root, '.unpacked'), 'utf8').catch(() => undefined);
    if (version) trees.set(pkg, { version: version.trim(), root });
  }
  return { trees, errors };
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Verilog files of an unpacked upstream tree, with the licence its DEP-5 copyright gives each. */
export async function sourceTreeFiles(pkg: string, tree: { version: string; root: string }): Promise<SourceFile[]> {
  const rules = await copyrightRules(pkg);
  const files: SourceFile[] = [];
  for await (const path of walk(tree.root)) {
    if (!VERILOG_FILE.test(path)) continue;
    const text = await readSmall(path);
    const rel = relative(tree.root, path);
    if (text !== undefined) files.push({ package: pkg, version: tree.version, origin: 'source', path: rel, licence: licenceOf(rules, rel) ?? 'unknown', text });
  }
  return files;
}
