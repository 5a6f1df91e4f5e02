import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isPlainFileName } from './plain-file-name.ts';

/** Raised when a report's raw capture cannot be read from the raw folder; the message names the report. */
export class RawPathError extends Error {
  override name = 'RawPathError';
}

/**
 * The path of a report's raw capture: `file` (the report's `source.file`) resolved inside
 * `rawDir`, symbolic links followed. Anything that would read outside the raw folder is refused.
 * @param report the report file the name came from, named in every error
 * @throws RawPathError when `file` is not a plain file name, is missing, or leads outside `rawDir`
 */
export function rawFilePath(rawDir: string, file: string, report: string): string {
  if (!isPlainFileName(file)) {
    throw new RawPathError(
      `${report}: source.file ${JSON.stringify(file)} is not a plain file name inside the raw folder ${rawDir}; refused`,
    );
  }
  const root = realpathSync(rawDir);
  let real: string;
  try {
    real = realpathSync(resolve(root, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RawPathError(`${report}: raw file ${join(rawDir, file)} named by source.file is missing`, { cause: error });
    }
    throw error;
  }
  const inside = relative(root, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new RawPathError(`${report}: source.file ${JSON.stringify(file)} is a link that leads outside the raw folder ${rawDir}; refused`);
  }
  return real;
}
