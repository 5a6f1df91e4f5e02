import { z } from 'zod';
import { isIsoCalendarDate } from './calendar-date.ts';
import { isHttpUrl } from './http-url.ts';
import { isPlainFileName } from './plain-file-name.ts';
import { topicNames } from './topic-names.ts';

export { topicNames };

/** An ISO calendar date, `YYYY-MM-DD`, that exists: 2022-13-45 and 2022-02-30 are refused. */
const isoDate = z.string().refine(isIsoCalendarDate, 'expected a real calendar date as YYYY-MM-DD');

/** An absolute `http:` or `https:` URL; `javascript:`, `data:` and every other scheme are refused. */
export const httpUrl = z.string().refine(isHttpUrl, 'expected an http: or https: URL');

/** A four-digit year a report speaks about. */
const year = z.number().int().min(1949).max(2100);

/** What a report is: summary (工作总结), plan (工作要点/计划), or both. The one list of kinds: `reportKindSchema.options`. */
export const reportKindSchema = z.enum(['summary', 'plan', 'summary-plan']);

/** Where a report sits in the GB/T 2260 division hierarchy. */
export const regionSchema = z.object({
  /** Province-level name, e.g. 广东省; null when the report names no place. */
  province: z.string().nullable(),
  /** Prefecture-level name, e.g. 湛江市; null for a province-level issuer, a county-level city its province administers directly (仙桃市), or when unknown. */
  city: z.string().nullable(),
  /** County-level name, e.g. 麻章区; null for a city- or province-level issuer. */
  county: z.string().nullable(),
  /** Six-digit GB/T 2260 code of the most specific known level. */
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** Which level the issuer governs. */
  level: z.enum(['province', 'city', 'county']).nullable(),
});

/** What the raw file was and where it came from. */
export const sourceSchema = z.object({
  /** File name inside content/raw: a plain name, never a path (no `/`, `\\`, `..`, NUL, leading dot). */
  file: z
    .string()
    .refine(isPlainFileName, 'expected a plain file name inside the raw folder (no "/", "\\", "..", control characters or leading dot)'),
  /** SHA-256 of the raw bytes, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Encoding the bytes were decoded from. */
  encoding: z.enum(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'Big5']),
  /** Script of the raw text before conversion. */
  script: z.enum(['simplified', 'traditional', 'mixed']),
  /** Whether the raw file was an HTML page rather than text. */
  format: z.enum(['text', 'html']),
  /**
   * Kind of site the capture came from, judged from its chrome; `template` when names and
   * numbers are masked (xx, *, ×): a 范文 template, not a bureau's own report.
   */
  origin: z.enum(['official', 'template-site', 'document-sharing', 'template', 'unknown']),
  /** Address of the captured page, from `<name>.source.json`. */
  url: httpUrl.optional(),
  /** When the page was captured, from `<name>.source.json`. */
  fetchedAt: z.string().optional(),
  /** Site name, from `<name>.source.json`. */
  site: z.string().optional(),
});

/** One injected spam string and how often it was removed. */
const spamSchema = z.object({ text: z.string(), count: z.number().int().positive() });

/** Text put back where spam had replaced it, with the evidence that justifies it. */
const restorationSchema = z.object({
  /** Where: `title`, or `line N` of the raw text. */
  at: z.string(),
  /** The restored text; rendered marked as restored. */
  text: z.string(),
  /** Why this text and no other. */
  evidence: z.string(),
});

/** A place where spam replaced text that no evidence lets us restore. */
const gapSchema = z.object({ at: z.string(), context: z.string() });

/**
 * Why a line was taken for site chrome: it stood before the title, in the page's meta lines under
 * it, repeated the title, has chrome features (breadcrumb, footer, banner…), is repeated by other
 * captures of the same site, belongs to a related-articles list or a tail of labels, or is a
 * document viewer's page marker.
 */
export const chromeReasons = [
  'before-title',
  'page-meta',
  'repeated-title',
  'chrome-line',
  'site-template',
  'related-list',
  'tail',
  'page-marker',
] as const;
/** One reason a line was removed as chrome. */
export type ChromeReason = (typeof chromeReasons)[number];

/** Annotations and injected characters removed, by kind, with counts. */
const annotationSchema = z.object({
  /**
   * pinyin: readings after characters, 發(fā)展; noise: emoji and symbols inside words; invisible:
   * bidi controls and non-characters; brackets: the source's 〖〗, made 【】 so they are never read
   * as the cleaner's restoration marks.
   */
  kind: z.enum(['pinyin', 'noise', 'invisible', 'brackets']),
  count: z.number().int().positive(),
});

/** Everything the cleaner removed, restored or converted. */
export const cleaningSchema = z.object({
  /** Number of site-chrome lines removed (navigation, meta lines, footers…). */
  chromeLines: z.number().int().nonnegative(),
  /** The removed chrome lines themselves, in raw order. */
  chrome: z.array(z.object({ text: z.string(), why: z.enum(chromeReasons) })),
  /** Injected spam strings removed. */
  spam: z.array(spamSchema),
  /** Text restored where spam had replaced it. */
  restorations: z.array(restorationSchema),
  /** Places where replaced text could not be restored; marked 〖…〗 in the body. */
  gaps: z.array(gapSchema),
  /** Redaction marks (`*`, `XX`, `××`) kept as found. */
  redactions: z.number().int().nonnegative(),
  /** Characters changed by Traditional → Simplified conversion. */
  convertedChars: z.number().int().nonnegative(),
  /** Section numbers restored from the numbering sequence. */
  renumbered: z.number().int().nonnegative(),
  /** Half-width punctuation marks made full-width between Chinese characters. */
  punctuation: z.number().int().nonnegative(),
  /** Annotations and injected characters removed. */
  annotations: z.array(annotationSchema).default([]),
});

/** The 印发 notice a report was published inside, kept apart from the body. */
export const noticeSchema = z.object({
  /** The notice's own title, e.g. 庆元县教育局关于印发…的通知. */
  title: z.string(),
  /** Who the notice is addressed to. */
  recipients: z.string().nullable(),
  /** The notice's request text. */
  text: z.string(),
  /** The signing body. */
  signedBy: z.string().nullable(),
  /** The date the notice bears. */
  date: isoDate.nullable(),
});

/** A heading of the report and the topic its section is about. */
const sectionSchema = z.object({
  /** Heading text as printed, with its number. */
  heading: z.string(),
  /** Anchor id of the heading in the rendered page. */
  id: z.string(),
  /** Heading depth in the body, 2 to 5. */
  depth: z.number().int().min(2).max(6),
  /** Topic from the fixed taxonomy. */
  topic: z.enum(topicNames),
  /** Whether the section reviews the past or plans ahead. */
  part: z.enum(['review', 'plan', 'other']),
});

/** A key figure the report states, with the sentence it came from. */
const metricSchema = z.object({
  /** Stable ASCII key, e.g. `new-school-places`. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** Chinese label, e.g. 新增学位. */
  label: z.string(),
  value: z.number(),
  /** Unit as printed: 个, 人, %, 万元, 人次… */
  unit: z.string(),
  /** The year the figure refers to; null when the text does not say. */
  year: year.nullable(),
  /** The sentence the figure was read from. */
  quote: z.string(),
});

/** Frontmatter of one normalized report: the contract shared by the normalizer and Astro. */
export const reportSchema = z.object({
  /** Report title as the bureau wrote it, spam removed and names restored. */
  title: z.string().min(1),
  /** The title as the page printed it, before site decorations (范文, .docx, 【…】) were removed; null when untitled. */
  rawTitle: z.string().nullable().default(null),
  /**
   * Where the title came from: its own line, a 印发 notice, a title glued to the first sentence,
   * an editor's intro that names it, or nowhere (`none`: the report is published as untitled).
   */
  titleFrom: z.enum(['title-line', 'notice', 'glued', 'intro', 'none']).default('title-line'),
  /** Set when the text is damaged beyond cleaning (e.g. romanized wholesale into toneless pinyin). */
  damaged: z.object({ reason: z.string() }).nullable().default(null),
  /** A slogan heading printed above the title, e.g. 聚力高质量发展 迈向教育现代化新征程. */
  subtitle: z.string().nullable(),
  /** Issuing bureau, e.g. 南昌市教育局; null when the text names none. */
  issuer: z.string().nullable(),
  region: regionSchema,
  /** Years whose work the report reviews. */
  yearsReviewed: z.array(year),
  /** Years whose work the report plans. */
  yearsPlanned: z.array(year),
  kind: reportKindSchema,
  /** The date the document bears (its signature or notice date). */
  issued: isoDate.nullable(),
  /** The date the site shows for the page. */
  posted: isoDate.nullable(),
  /** Document number, e.g. 洪教发〔2022〕1号. */
  docNumber: z.string().nullable(),
  /** Public-information index number (索引号) shown by the site. */
  indexNumber: z.string().nullable(),
  notice: noticeSchema.nullable(),
  source: sourceSchema,
  cleaning: cleaningSchema,
  sections: z.array(sectionSchema),
  metrics: z.array(metricSchema),
});

/**
 * What lists, feeds, the catalogue and the search index show of a report: the content layer
 * holds only this, for every report at once (a report's page reads its whole file), so the
 * build's memory holds a few hundred bytes a report rather than its sections, figures and
 * cleaning record.
 */
export const listingSchema = reportSchema
  .pick({
    title: true,
    damaged: true,
    issuer: true,
    region: true,
    yearsReviewed: true,
    yearsPlanned: true,
    kind: true,
    issued: true,
    posted: true,
    docNumber: true,
  })
  .extend({ source: sourceSchema.pick({ file: true, origin: true }) });

/** A report's listing fields, as the content layer holds them. */
export type Listing = z.output<typeof listingSchema>;

/** Frontmatter as written by the normalizer. */
export type ReportInput = z.input<typeof reportSchema>;
/** Frontmatter as read back and validated. */
export type Report = z.output<typeof reportSchema>;
/** One topic of the taxonomy. */
export type Topic = (typeof topicNames)[number];
/** A report's kind. */
export type ReportKind = z.output<typeof reportKindSchema>;
/** A report's region. */
export type Region = z.output<typeof regionSchema>;
/** One key figure. */
export type Metric = z.output<typeof metricSchema>;
/** One tagged section. */
export type Section = z.output<typeof sectionSchema>;
/** The cleaning record. */
export type Cleaning = z.output<typeof cleaningSchema>;
/** The notice wrapper. */
export type Notice = z.output<typeof noticeSchema>;
