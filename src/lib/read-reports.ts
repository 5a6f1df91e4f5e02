import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from './report-schema.ts';
import { formatSchemaError } from './schema-error.ts';

/** A report file cut at its frontmatter fence: the frontmatter text (JSON, also valid YAML) and the Markdown body. */
export function splitReport(markdown: string): { frontmatter: string; body: string } {
  const end = markdown.indexOf('\n---\n', 4);
  return { frontmatter: markdown.slice(4, end), body: markdown.slice(end + 5) };
}

/** A report file as read from disk, frontmatter parsed but not yet validated. */
export interface RawReportFile {
  /** The slug: the file name without `.md`. */
  id: string;
  path: string;
  markdown: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every report file of a folder, in name order. */
export function readReportFiles(dir: string): RawReportFile[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const markdown = readFileSync(path, 'utf8');
      const { frontmatter, body } = splitReport(markdown);
      return { id: name.replace(/\.md$/, ''), path, markdown, frontmatter: JSON.parse(frontmatter) as Record<string, unknown>, body };
    });
}

/** A report file read from disk: slug, validated frontmatter, Markdown body and the file's text. */
export interface ReportFile {
  id: string;
  data: Report;
  body: string;
  markdown: string;
}

/**
 * Reads every report of a folder the way the content collection does: the file name is the
 * slug, the frontmatter is checked against the shared schema, and a bad file is an error that
 * names it.
 */
export function readReports(dir: string): ReportFile[] {
  return readReportFiles(dir).map(({ id, path, markdown, frontmatter, body }) => {
    const parsed = reportSchema.safeParse(frontmatter);
    if (!parsed.success) throw new Error(`${path}: frontmatter does not match the schema:\n${formatSchemaError(parsed.error)}`);
    return { id, data: parsed.data, body, markdown };
  });
}

/** The Markdown body of one report of a folder, read from its file: pages read bodies one at a time rather than keeping every one in memory. */
export function readReportBody(dir: string, id: string): string {
  return splitReport(readFileSync(join(dir, `${id}.md`), 'utf8')).body;
}
