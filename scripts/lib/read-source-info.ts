import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatSchemaError } from '../../src/lib/schema-error.ts';

const sourceJson = z.object({
  url: z.url().optional(),
  fetchedAt: z.string().optional(),
  site: z.string().optional(),
});

/** The optional `<name>.source.json` beside a raw file: where and when it was captured. */
export function readSourceInfo(rawPath: string): z.infer<typeof sourceJson> {
  const path = rawPath.replace(/\.[^.]+$/, '.source.json');
  if (!existsSync(path)) return {};
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
