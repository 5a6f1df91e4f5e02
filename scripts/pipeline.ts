import type { Root as MdRoot } from 'mdast';
import { unified } from 'unified';
import { buildStructure } from './steps/build-structure.ts';
import { compileReport } from './steps/compile-report.ts';
import { convertScript } from './steps/convert-script.ts';
import { countRedactions } from './steps/count-redactions.ts';
import { extractMetadata } from './steps/extract-metadata.ts';
import { extractMetrics } from './steps/extract-metrics.ts';
import { joinWrappedLines } from './steps/join-wrapped-lines.ts';
import { normalizePunctuation } from './steps/normalize-punctuation.ts';
import { parseRaw } from './steps/parse-raw.ts';
import { rejoinBrokenLines } from './steps/rejoin-broken-lines.ts';
import { stripAnnotations } from './steps/strip-annotations.ts';
import { stripChrome } from './steps/strip-chrome.ts';
import { stripSpam } from './steps/strip-spam.ts';
import { tagSections } from './steps/tag-sections.ts';
import { unwrapNotice } from './steps/unwrap-notice.ts';
import type { LinesRoot } from './tree.ts';

/**
 * The processor from raw bytes to a report file: parse into lines, clean the lines, build the
 * Markdown tree, read it, compile. Each `use` names the tree its step takes and gives (the parser
 * takes the file's bytes, the compiler gives the report file's text), so a step written for
 * another tree does not type-check.
 *
 * Script conversion runs before the cleaners because their chrome and spam vocabularies are
 * written in Simplified characters; spam runs before chrome so that a title defaced by spam is
 * still recognised as the title.
 */
export function createPipeline() {
  return unified()
    .use<[], string, LinesRoot>(parseRaw)
    .use<[], LinesRoot>(stripAnnotations)
    .use<[], LinesRoot>(convertScript)
    .use<[], LinesRoot>(stripSpam)
    .use<[], LinesRoot>(rejoinBrokenLines)
    .use<[], LinesRoot>(stripChrome)
    .use<[], LinesRoot>(unwrapNotice)
    .use<[], LinesRoot>(joinWrappedLines)
    .use<[], LinesRoot>(normalizePunctuation)
    .use<[], LinesRoot, MdRoot>(buildStructure)
    .use<[], MdRoot>(countRedactions)
    .use<[], MdRoot>(extractMetadata)
    .use<[], MdRoot>(tagSections)
    .use<[], MdRoot>(extractMetrics)
    .use<[], MdRoot, string>(compileReport)
    .freeze();
}

/** The normalizer's processor: lines in, a Markdown tree out, compiled to the report file's text. */
export type Pipeline = ReturnType<typeof createPipeline>;
