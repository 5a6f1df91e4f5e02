import type { Position } from 'unist';
import type { Cleaning, Metric, Notice, Region, Report, ReportKind, Section } from '../src/lib/report-schema.ts';

/** One line of the raw text, with where it stood in the raw file. */
export interface Line {
  type: 'line';
  value: string;
  position: Position;
}

/** The text as lines: what the cleaning steps work on before structure is built. */
export interface LinesRoot {
  type: 'root';
  children: Line[];
}

/** Facts read from the page chrome before it is removed. */
export interface PageMeta {
  posted: string | null;
  sourceLabel: string | null;
  indexNumber: string | null;
  publisher: string | null;
}

/** What strip-spam removed and restored. */
export interface SpamFindings {
  strings: Cleaning['spam'];
  restorations: Cleaning['restorations'];
  gaps: Cleaning['gaps'];
}

/** What strip-chrome removed: the record's entries (the title line is not chrome), and `line N` of every line it took out, the title's included. */
export interface ChromeFindings {
  entries: Cleaning['chrome'];
  lines: string[];
}

/** Where a report's title came from. */
export type TitleSource = Report['titleFrom'];

declare module 'vfile' {
  interface DataMap {
    encoding: Report['source']['encoding'];
    format: Report['source']['format'];
    script: Report['source']['script'];
    origin: Report['source']['origin'];
    // What each step removed, restored or changed, by the step that owns it; the compiler puts
    // them together as the report's cleaning record (scripts/lib/cleaning-record.ts).
    /** Annotations and injected characters removed, by kind (strip-annotations). */
    annotations: Cleaning['annotations'];
    /** Characters changed by Traditional → Simplified conversion (convert-script). */
    convertedChars: number;
    /** Spam strings removed, names restored and gaps left, each at `line N` of the raw text (strip-spam). */
    spamRemoved: SpamFindings;
    /** A document viewer's page markers removed (rejoin-broken-lines). */
    pageMarkers: Cleaning['chrome'];
    /** Site chrome removed (strip-chrome). */
    chromeRemoved: ChromeFindings;
    /** Section numbers restored from the numbering sequence (build-structure). */
    renumbered: number;
    /** Half-width punctuation made full-width (normalize-punctuation). */
    punctuation: number;
    /** Redaction marks counted in the title and body (count-redactions). */
    redactions: number;
    page: PageMeta;
    titleLine: string | null;
    /** Lines other captures of the same site also carry: that site's template (set by the batch). */
    siteLines: string[];
    /** The title as the page printed it, before decorations were removed. */
    rawTitle: string | null;
    titleFrom: TitleSource;
    /** Where the title stood in the raw text, as `line N`. */
    titleAt: string;
    htmlTitle: string | null;
    subtitle: string | null;
    notice: Notice | null;
    title: string;
    damaged: { reason: string } | null;
    issuer: string | null;
    region: Region;
    yearsReviewed: number[];
    yearsPlanned: number[];
    kind: ReportKind;
    issued: string | null;
    docNumber: string | null;
    sections: Section[];
    metrics: Metric[];
  }
}
