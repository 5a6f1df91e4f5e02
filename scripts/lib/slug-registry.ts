import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportFile } from '../../src/lib/read-reports.ts';
import { writeAtomic } from './write-atomic.ts';

/** The raw file a slug was first given to. */
export interface SlugOwner {
  file: string;
  sha256: string;
}

/** The raw file a report file in `path` was made from; null for a file that is not one of our reports (README.md, notes). */
function ownerOf(path: string): SlugOwner | null {
  try {
    const source = parseReportFile(path, readFileSync(path, 'utf8')).frontmatter.source as Partial<SlugOwner> | undefined;
    return source?.file && source.sha256 ? { file: source.file, sha256: source.sha256 } : null;
  } catch {
    return null;
  }
}

/**
 * Every slug ever published and the raw file it belongs to, so that a report's URL is fixed the
 * first time it is written: a raw file keeps its slug (found by its bytes, else by its name),
 * and a new report whose slug is taken — even by a report since removed — gets the suffix.
 */
export class SlugRegistry {
  readonly #path: string | null;
  readonly #owners: Map<string, SlugOwner>;
  readonly #bySha = new Map<string, string>();
  readonly #byFile = new Map<string, string>();
  readonly #claimed = new Set<string>();

  private constructor(path: string | null, owners: Map<string, SlugOwner>) {
    this.#path = path;
    this.#owners = owners;
    for (const [slug, o] of owners) {
      this.#bySha.set(o.sha256, slug);
      this.#byFile.set(o.file, slug);
    }
  }

  /**
   * The registry kept in `path` (committed: `content/slugs.json`); without one, the slugs of
   * the report files already in `reportsDir`, each owned by the raw file its frontmatter names.
   * With `path` null nothing is saved: the folder's own files are the only record.
   */
  static load(reportsDir: string, path: string | null): SlugRegistry {
    const owners = new Map<string, SlugOwner>();
    if (path && existsSync(path)) {
      for (const [slug, o] of Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, SlugOwner>)) owners.set(slug, o);
    } else if (existsSync(reportsDir)) {
      for (const name of readdirSync(reportsDir)
        .filter((n) => n.endsWith('.md') && !n.startsWith('.'))
        .sort()) {
        const source = ownerOf(join(reportsDir, name));
        if (source) owners.set(name.slice(0, -3), source);
      }
    }
    return new SlugRegistry(path, owners);
  }

  /** The slug of a raw file: the one it was given before, else `wanted`, else `wanted` with a suffix from its hash. */
  slugFor(file: string, sha256: string, wanted: string): string {
    let slug = this.#bySha.get(sha256) ?? this.#byFile.get(file);
    if (slug === undefined || this.#claimed.has(slug)) {
      slug = wanted;
      for (let n = 6; this.#owners.has(slug) || this.#claimed.has(slug); n += 2) slug = `${wanted}-${sha256.slice(0, n)}`;
    }
    this.#claimed.add(slug);
    this.#owners.set(slug, { file, sha256 });
    this.#bySha.set(sha256, slug);
    this.#byFile.set(file, slug);
    return slug;
  }

  /** Writes the registry, one slug a line in slug order, atomically (nothing without a path). */
  save(): void {
    if (!this.#path) return;
    const lines = [...this.#owners]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([slug, o]) => `  ${JSON.stringify(slug)}: ${JSON.stringify({ file: o.file, sha256: o.sha256 })}`);
    writeAtomic(this.#path, `{\n${lines.join(',\n')}\n}\n`);
  }
}
