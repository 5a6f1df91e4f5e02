import { readFileSync, statSync } from 'node:fs';
import { DecodeError, oversizeReason } from '../../src/lib/decode-bytes.ts';

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOENT: 'vanished before it could be read',
  EIO: 'input/output error',
};

/**
 * Reads one raw file's bytes. Its size is checked before reading, so a huge file costs no
 * memory; a file that cannot be read is a DecodeError whose reason names the system error.
 */
export function readRawFile(path: string): Buffer {
  try {
    const oversize = oversizeReason(statSync(path).size);
    if (oversize) throw new DecodeError(oversize);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DecodeError(`cannot read the file: ${reasons[code] ?? (error as Error).message} (${code || 'error'})`);
  }
}

/** The size of a raw file without reading it, or 0 when it cannot be read. */
export function rawFileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
