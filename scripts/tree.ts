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

/** Where a report's title came from. */
export type TitleSource = Report['titleFrom'];

declare module 'vfile' {
  interface DataMap {
    encoding: Report['source']['encoding'];
    format: Report['source']['format'];
    script: Report['source']['script'];
    origin: Report['source']['origin'];
    cleaning: Cleaning;
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

/** A fresh, empty cleaning record. */
export function emptyCleaning(): Cleaning {
  return {
    chromeLines: 0,
    chrome: [],
    spam: [],
    restorations: [],
    gaps: [],
    redactions: 0,
    convertedChars: 0,
    renumbered: 0,
    punctuation: 0,
    annotations: [],
  };
}
