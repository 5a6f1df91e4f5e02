import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { httpUrl } from '../../src/lib/report-schema.ts';
import { withoutUnsafeCharacters } from '../../src/lib/safe-text.ts';
import { formatSchemaError } from '../../src/lib/schema-error.ts';

/** A sidecar string, with control, bidi and non-characters removed. */
const text = z.string().transform(withoutUnsafeCharacters);

const sourceJson = z.object({
  url: z.string().trim().pipe(httpUrl).optional(),
  fetchedAt: text.optional(),
  site: text.optional(),
});

/**
 * The sidecar names a raw file may have: `<stem>.source.json` (`a.txt` → `a.source.json`) and
 * `<name>.source.json` (`a.txt.source.json`).
 */
export function sidecarPaths(rawPath: string): string[] {
  const stem = rawPath.replace(/\.[^./]+$/, '.source.json');
  const full = `${rawPath}.source.json`;
  return stem === full ? [full] : [stem, full];
}

/**
 * The optional sidecar beside a raw file (`<stem>.source.json` or `<name>.source.json`): where
 * and when it was captured. Only `http:` and `https:` URLs are accepted.
 * @throws Error naming the sidecar when it is not JSON, does not match, or both names exist
 */
export function readSourceInfo(rawPath: string): z.infer<typeof sourceJson> {
  const found = sidecarPaths(rawPath).filter((p) => existsSync(p));
  if (found.length > 1) throw new Error(`${found.join(' and ')}: two sidecars for one raw file; keep one`);
  const path = found[0];
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = sourceJson.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: ${formatSchemaError(parsed.error)}`);
  return parsed.data;
}
