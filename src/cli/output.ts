/**
 * Where the CLI writes: never over an input, and never half a file. An output path that resolves to an input
 * (the same path, a symbolic or hard link, or the same name in other letter case on a file system that
 * ignores case) is refused before anything is written. Every output is written to a temporary file next to
 * it and renamed over it, so a failed write leaves any earlier file of that name whole.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function statOf(path: string): { dev: bigint; ino: bigint } | null {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return null;
  }
}

function realOf(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/** True when the folder holding `path` finds it under another letter case too (and does not list that name). */
function ignoresCase(path: string): boolean {
  const name = basename(path);
  const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
  if (other === name) return false;
  try {
    return statOf(join(dirname(path), other)) !== null && !readdirSync(dirname(path)).includes(other);
  } catch {
    return false;
  }
}

/** True when the paths name one file: same device and inode, same real path, or (where case is ignored) same real path in lower case. */
export function sameFile(a: string, b: string): boolean {
  const sa = statOf(a);
  const sb = statOf(b);
  // A path that does not exist cannot be an existing input.
  if (!sa || !sb) return false;
  if (sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0n) return true;
  const ra = realOf(a);
  const rb = realOf(b);
  if (ra === null || rb === null) return false;
  if (ra === rb) return true;
  return ra.toLowerCase() === rb.toLowerCase() && ignoresCase(ra);
}

/** The first of `inputs` that writing `out` would overwrite, or null. */
export function inputAt(out: string, inputs: readonly string[]): string | null {
  return inputs.find((input) => sameFile(out, input)) ?? null;
}

type FileSystem = Pick<typeof fsp, 'writeFile' | 'rename' | 'unlink'>;

/**
 * Write `bytes` to `out` through a temporary file in the same folder, renamed over `out`; the temporary file
 * never stays. `fs` is for tests that make a step fail.
 */
export async function writeAtomically(out: string, bytes: Uint8Array, fs: FileSystem = fsp): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
