import type { Node } from 'unist';
import { unified, type Plugin, type Processor } from 'unified';
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

/**
 * The transform steps in order, by name. Script conversion runs before the cleaners because
 * their chrome and spam vocabularies are written in Simplified characters; spam runs before
 * chrome so that a title defaced by spam is still recognised as the title.
 */
export const steps = [
  ['strip-annotations', stripAnnotations],
  ['convert-script', convertScript],
  ['strip-spam', stripSpam],
  ['rejoin-broken-lines', rejoinBrokenLines],
  ['strip-chrome', stripChrome],
  ['unwrap-notice', unwrapNotice],
  ['join-wrapped-lines', joinWrappedLines],
  ['normalize-punctuation', normalizePunctuation],
  ['build-structure', buildStructure],
  ['count-redactions', countRedactions],
  ['extract-metadata', extractMetadata],
  ['tag-sections', tagSections],
  ['extract-metrics', extractMetrics],
] as const;

/** Name of one transform step. */
export type StepName = (typeof steps)[number][0];

/** The processor from raw bytes to a report file: parse, every step, compile. */
export function createPipeline() {
  // Each step maps its own tree type; the chain as a whole goes from lines to Markdown.
  const processor = unified().use(parseRaw) as unknown as Processor<Node, Node, Node>;
  for (const [, step] of steps) processor.use(step as unknown as Plugin<[], Node, Node>);
  return processor.use(compileReport as unknown as Plugin<[], Node, string>).freeze();
}
