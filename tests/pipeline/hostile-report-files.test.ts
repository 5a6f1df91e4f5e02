import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeArchiveFiles } from '../../src/integrations/write-archive-files.ts';
import { rawFilePath } from '../../src/lib/raw-path.ts';
import { readReports } from '../../src/lib/read-reports.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A copy of the archive's reports and raw captures, for tests to deface. */
function archiveCopy(): { reports: string; raw: string; out: string } {
  const reports = temp('hostile-reports-');
  const raw = temp('hostile-raw-');
  cpSync('content/reports', reports, { recursive: true });
  cpSync('content/raw', raw, { recursive: true });
  return { reports, raw, out: join(temp('hostile-out-'), 'dist') };
}

/** Rewrites one report's frontmatter with `change`; returns the report file's path. */
function deface(reports: string, change: (fm: Record<string, Record<string, unknown>>) => void): string {
  const name = readdirSync(reports)
    .filter((n) => n.endsWith('.md'))
    .sort()[0]!;
  const path = join(reports, name);
  const markdown = readFileSync(path, 'utf8');
  const end = markdown.indexOf('\n---\n', 4);
  const fm = JSON.parse(markdown.slice(4, end)) as Record<string, Record<string, unknown>>;
  change(fm);
  writeFileSync(path, `---\n${JSON.stringify(fm, null, 2)}\n${markdown.slice(end + 1)}`);
  return path;
}

describe('a report whose source.file is not a plain file name', () => {
  it('fails the archive writer naming the report, and publishes nothing', () => {
    const { reports, raw, out } = archiveCopy();
    const path = deface(reports, (fm) => {
      fm.source!.file = '../../../../proc/self/environ';
      fm.source!.encoding = 'GB18030';
    });
    expect(() => writeArchiveFiles(out, { reports, raw })).toThrow(
      `${path}: frontmatter does not match the schema:\n**source.file**: expected a plain file name inside the raw folder`,
    );
    expect(existsSync(out)).toBe(false);
  });
  it.each(['../x.txt', '/etc/passwd', 'a/b.txt', 'a\\b.txt', '.hidden.txt', 'x\u0000.txt', '..', ''])(
    'refuses %j as a raw path, naming the report',
    (file) => {
      const raw = temp('raw-path-');
      expect(() => rawFilePath(raw, file, 'content/reports/x.md')).toThrow(
        /^content\/reports\/x\.md: source\.file .* is not a plain file name inside the raw folder .*; refused$/,
      );
    },
  );
  it('refuses a raw file that is a link leading outside the raw folder', () => {
    const raw = temp('raw-link-');
    symlinkSync('/etc/hostname', join(raw, 'link.txt'));
    expect(() => rawFilePath(raw, 'link.txt', 'content/reports/x.md')).toThrow(
      'content/reports/x.md: source.file "link.txt" is a link that leads outside the raw folder',
    );
  });
  it('names the report whose raw file is missing, before writing anything', () => {
    const { reports, raw, out } = archiveCopy();
    const path = deface(reports, (fm) => {
      fm.source!.file = 'gone.txt';
    });
    expect(() => writeArchiveFiles(out, { reports, raw })).toThrow(
      `${path}: raw file ${join(raw, 'gone.txt')} named by source.file is missing`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('a report file the build cannot read', () => {
  const cases: [string, (markdown: string) => string, RegExp][] = [
    ['is empty', () => '', /:\s?report file is empty; expected "---"/],
    [
      'has CRLF line ends',
      (m) => m.replace(/\n/g, '\r\n'),
      /:1: carriage return \(CRLF or CR line end\) found; report files use LF line ends only$/,
    ],
    [
      'has YAML frontmatter',
      (m) => m.replace(/^---\n[\s\S]*?\n---\n/, '---\ntitle: 测试\n---\n'),
      /:2: frontmatter is not JSON \(.*\); expected "---", the frontmatter as JSON/,
    ],
    ['has no frontmatter', (m) => m.slice(m.indexOf('\n---\n') + 5), /:1: no frontmatter fences/],
    ['has a 10 MB body of \\*', (m) => m + '\\*'.repeat(5 * 1024 * 1024), /: report body is 10\.0 MB; bodies over 4 MB are refused$/],
    [
      'has a body of 1 MB of \\*',
      (m) => m + '\\*'.repeat(512 * 1024),
      /: report body holds \d+ ASCII punctuation marks \(Markdown syntax and escapes\); more than 100000 are refused$/,
    ],
  ];
  it.each(cases)('is named when it %s', (_, change, message) => {
    const dir = temp('bad-report-');
    mkdirSync(dir, { recursive: true });
    const name = readdirSync('content/reports').sort()[0]!;
    writeFileSync(join(dir, name), change(readFileSync(join('content/reports', name), 'utf8')));
    let thrown: unknown;
    try {
      readReports(dir);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message.startsWith(join(dir, name))).toBe(true);
    expect((thrown as Error).message).toMatch(message);
  });
});
