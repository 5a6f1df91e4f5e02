import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes a file so that readers see the old content or the new, never half of it. */
export function writeAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Temporary files `writeAtomic` leaves behind when its process is killed mid-write: `.<name>.<pid>.tmp`. */
const leftover = /^\..+\.\d+\.tmp$/;

/**
 * Removes the temporary files an earlier, killed run left in `dir`. Call it only while holding
 * the folder's lock, when no other writer can be mid-write.
 * @returns how many were removed
 */
export function removeLeftoverTemps(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (!leftover.test(name)) continue;
    rmSync(join(dir, name), { force: true });
    n++;
  }
  return n;
}
