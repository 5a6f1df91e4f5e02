import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from './report-schema.ts';
import { formatSchemaError } from './schema-error.ts';

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
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => {
      const markdown = readFileSync(join(dir, name), 'utf8');
      const end = markdown.indexOf('\n---\n', 4);
      const parsed = reportSchema.safeParse(JSON.parse(markdown.slice(4, end)));
      if (!parsed.success) throw new Error(`${join(dir, name)}: frontmatter does not match the schema:\n${formatSchemaError(parsed.error)}`);
      return { id: name.replace(/\.md$/, ''), data: parsed.data, body: markdown.slice(end + 5), markdown };
    });
}
