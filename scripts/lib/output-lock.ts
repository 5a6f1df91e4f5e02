import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BatchError } from './batch-error.ts';

/** Name of the lock file a normalize run holds in its output folder. */
export const lockName = '.normalize.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function create(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new BatchError(
      `--out ${join(path, '..')}: cannot write into the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}

/**
 * Takes the output folder's lock, so that one normalize run at a time writes into it. A lock
 * left by a process that no longer runs is taken over.
 * @returns a function that releases the lock
 * @throws BatchError when a running process holds the lock
 */
export function lockOutput(dir: string): () => void {
  const path = join(dir, lockName);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path)) {
      return () => {
        rmSync(path, { force: true });
      };
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    } catch {
      // Released between our attempt and this read: try again.
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
      throw new BatchError(
        `--out ${dir}: another normalize run (pid ${holder}) is writing into this folder; wait for it to finish (lock file ${path})`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new BatchError(`--out ${dir}: could not take the lock file ${path}; another run keeps taking it`);
}
