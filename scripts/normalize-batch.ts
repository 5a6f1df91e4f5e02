import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { primaryYear } from '../src/lib/catalogue.ts';
import { splitReport } from '../src/lib/read-reports.ts';
import { reportSlug } from '../src/lib/slug.ts';
import { readSourceInfo } from './lib/read-source-info.ts';
import { siteTemplates } from './lib/site-template.ts';
import { SlugRegistry } from './lib/slug-registry.ts';
import { writeAtomic } from './lib/write-atomic.ts';
import { createPipeline } from './pipeline.ts';
import { DecodeError } from '../src/lib/decode-bytes.ts';

/** Files in the raw folder that are not raw pages: capture sidecars, dotfiles, notes. */
export const notRaw = /\.source\.json$|^\.|^README/i;

/** What became of one raw file. */
export type Outcome =
  | { file: string; ok: true; slug: string; bytes: number; warnings: string[]; summary: string }
  | { file: string; ok: false; bytes: number; error: string };

/** Result of one normalize run. */
export interface BatchResult {
  outcomes: Outcome[];
  bytes: number;
  seconds: number;
}

function bodyHash(markdown: string): string {
  return createHash('sha256').update(splitReport(markdown).body).digest('hex');
}

/**
 * Normalizes every raw file in `inDir` into `outDir`: one report per file, written atomically.
 * A file that fails is reported with its reason and the batch goes on; a report whose text
 * duplicates an earlier one is refused, naming the earlier file. A published report keeps its
 * slug (see `SlugRegistry`): from the registry file `slugs` when given, else from the report
 * files already in `outDir`.
 */
export function normalizeBatch(inDir: string, outDir: string, slugs: string | null = null): BatchResult {
  const started = performance.now();
  const pipeline = createPipeline();
  const names = readdirSync(inDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !notRaw.test(e.name))
    .map((e) => e.name)
    .sort();
  mkdirSync(outDir, { recursive: true });
  const templates = siteTemplates(inDir, names);
  const outcomes: Outcome[] = [];
  const registry = SlugRegistry.load(outDir, slugs);
  const bodies = new Map<string, string>();
  let total = 0;
  for (const name of names) {
    const path = join(inDir, name);
    const bytes = readFileSync(path);
    total += bytes.length;
    try {
      if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
        throw new DecodeError(bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = new VFile({ path: name, value: bytes, data: { source: { file: name, sha256, ...readSourceInfo(path) }, siteLines: templates.get(name) ?? [] } });
      const markdown = String(pipeline.processSync(file));
      const fm = file.data.frontmatter!;
      const hash = bodyHash(markdown);
      const duplicateOf = bodies.get(hash);
      if (duplicateOf) throw new Error(`duplicate: same normalized text as ${duplicateOf}; not published twice`);
      bodies.set(hash, name);
      const slug = registry.slugFor(name, sha256, reportSlug(primaryYear(fm), fm.region, fm.kind));
      writeAtomic(join(outDir, `${slug}.md`), markdown);
      const c = fm.cleaning;
      outcomes.push({
        file: name,
        ok: true,
        slug,
        bytes: bytes.length,
        warnings: file.messages.map((m) => `${path}${m.line ? `:${m.line}` : ''}: ${m.reason}`),
        summary: `chrome ${c.chromeLines}, spam ${c.spam.reduce((n, s) => n + s.count, 0)}, restored ${c.restorations.length}, converted ${c.convertedChars}`,
      });
    } catch (error) {
      const e = error as Error & { line?: number };
      const reason = e instanceof DecodeError ? e.reason : e.message;
      outcomes.push({ file: name, ok: false, bytes: bytes.length, error: `${path}${e.line ? `:${e.line}` : ''}: ${reason}` });
    }
  }
  registry.save();
  const failed = outcomes.some((o) => !o.ok);
  if (!failed) {
    const produced = new Set(outcomes.map((o) => (o.ok ? `${o.slug}.md` : '')));
    for (const n of readdirSync(outDir)) if (n.endsWith('.md') && !produced.has(n)) rmSync(join(outDir, n));
  }
  return { outcomes, bytes: total, seconds: (performance.now() - started) / 1000 };
}
