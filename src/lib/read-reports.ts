import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bodyLimitProblem } from './body-limits.ts';
import { reportSchema, type Report } from './report-schema.ts';
import { formatSchemaError } from './schema-error.ts';

/** A report file cut at its frontmatter fence: the frontmatter text (JSON, also valid YAML) and the Markdown body. */
export function splitReport(markdown: string): { frontmatter: string; body: string } {
  const end = markdown.indexOf('\n---\n', 4);
  return { frontmatter: markdown.slice(4, end), body: markdown.slice(end + 5) };
}

/** Raised when a report file cannot be read as one; the message names the file. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

/**
 * Checks a report file's shape and parses its frontmatter: `---`, the frontmatter as JSON (the
 * normalizer writes JSON, which is also YAML), `---`, the Markdown body.
 * @throws ReportFileError naming `path`, the rule and what was found
 */
export function parseReportFile(path: string, markdown: string): { frontmatter: Record<string, unknown>; body: string } {
  const expected = 'expected "---", the frontmatter as JSON, "---", then the Markdown body, as `npm run normalize` writes it';
  if (markdown.trim() === '') throw new ReportFileError(`${path}: report file is empty; ${expected}`);
  const crlf = markdown.indexOf('\r');
  if (crlf >= 0) {
    const line = markdown.slice(0, crlf).split('\n').length;
    throw new ReportFileError(`${path}:${line}: carriage return (CRLF or CR line end) found; report files use LF line ends only`);
  }
  if (!markdown.startsWith('---\n') || markdown.indexOf('\n---\n', 3) < 0)
    throw new ReportFileError(`${path}:1: no frontmatter fences; ${expected}`);
  const { frontmatter, body } = splitReport(markdown);
  let data: unknown;
  try {
    data = JSON.parse(frontmatter);
  } catch (error) {
    throw new ReportFileError(`${path}:2: frontmatter is not JSON (${(error as Error).message}); ${expected}`, { cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ReportFileError(`${path}:2: frontmatter is not a JSON object; ${expected}`);
  const tooBig = bodyLimitProblem(body);
  if (tooBig) throw new ReportFileError(`${path}: ${tooBig}`);
  return { frontmatter: data as Record<string, unknown>, body };
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

/** The paths of a folder's report files (`*.md`), in name order. */
export function reportFilePaths(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

/** One report file, read and cut; a file that is not a report file is an error naming it. */
export function readReportFile(path: string): RawReportFile {
  const markdown = readFileSync(path, 'utf8');
  return { id: basename(path, '.md'), path, markdown, ...parseReportFile(path, markdown) };
}

/** Every report file of a folder, in name order; a file that is not a report file is an error naming it. */
export function readReportFiles(dir: string): RawReportFile[] {
  return reportFilePaths(dir).map(readReportFile);
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
  return reportFilePaths(dir).map(readReport);
}

/** One report file, read and checked as `readReports` does. */
export function readReport(path: string): ReportFile {
  const { id, markdown, frontmatter, body } = readReportFile(path);
  const parsed = reportSchema.safeParse(frontmatter);
  if (!parsed.success) throw new ReportFileError(`${path}: frontmatter does not match the schema:\n${formatSchemaError(parsed.error)}`);
  return { id, data: parsed.data, body, markdown };
}

/** The Markdown body of one report of a folder, read from its file: pages read bodies one at a time rather than keeping every one in memory. */
export function readReportBody(dir: string, id: string): string {
  return splitReport(readFileSync(join(dir, `${id}.md`), 'utf8')).body;
}
