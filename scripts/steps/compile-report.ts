import type { Root as MdRoot } from 'mdast';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { atxHeading } from '../lib/atx-heading.ts';
import { cleaningRecord } from '../lib/cleaning-record.ts';
import { fastText } from '../lib/fast-text.ts';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { reportSchema, type ReportInput } from '../../src/lib/report-schema.ts';
import { formatSchemaError } from '../../src/lib/schema-error.ts';

/** Where the raw file came from, set on `file.data.source` by the caller before processing. */
export interface SourceInfo {
  file: string;
  sha256: string;
  url?: string | undefined;
  fetchedAt?: string | undefined;
  site?: string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    source: SourceInfo;
    frontmatter: ReportInput;
  }
}

/** The frontmatter of a processed file, in contract order. */
export function frontmatterOf(file: VFile): ReportInput {
  const d = file.data;
  return {
    title: d.title!,
    rawTitle: d.rawTitle ?? null,
    titleFrom: d.titleFrom ?? 'title-line',
    damaged: d.damaged ?? null,
    subtitle: d.subtitle ?? null,
    issuer: d.issuer ?? null,
    region: d.region!,
    yearsReviewed: d.yearsReviewed ?? [],
    yearsPlanned: d.yearsPlanned ?? [],
    kind: d.kind ?? 'summary',
    issued: d.issued ?? null,
    posted: d.page?.posted ?? null,
    docNumber: d.docNumber ?? null,
    indexNumber: d.page?.indexNumber ?? null,
    notice: d.notice ?? null,
    source: {
      ...d.source!,
      encoding: d.encoding!,
      script: d.script ?? 'simplified',
      format: d.format ?? 'text',
      origin: d.origin ?? 'unknown',
    },
    cleaning: cleaningRecord(d),
    sections: d.sections ?? [],
    metrics: d.metrics ?? [],
  };
}

/** How the body is written: the library's Markdown, with the normalizer's shortcuts for text and headings. */
export const markdownOptions: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  handlers: { text: fastText, heading: atxHeading },
};

/**
 * The unified compiler: validates the frontmatter against the shared zod schema, then writes it
 * as JSON, which is YAML too: every string is quoted and escaped, so no title can break out of
 * the frontmatter, and it writes ten times faster than a YAML serializer. Then the Markdown body.
 */
export function compileReport(this: Processor): void {
  this.compiler = (tree, file: VFile): string => {
    const frontmatter = frontmatterOf(file);
    const checked = reportSchema.safeParse(frontmatter);
    if (!checked.success)
      file.fail(`frontmatter does not match the schema:\n${formatSchemaError(checked.error)}`, undefined, 'compile-report:schema');
    file.data.frontmatter = frontmatter;
    const yaml = `${JSON.stringify(frontmatter, null, 2)}\n`;
    const body = toMarkdown(tree as MdRoot, markdownOptions);
    return `---\n${yaml}---\n\n${body}`;
  };
}
