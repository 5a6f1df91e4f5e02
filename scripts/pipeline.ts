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
import { stripChrome } from './steps/strip-chrome.ts';
import { stripSpam } from './steps/strip-spam.ts';
import { tagSections } from './steps/tag-sections.ts';
import { unwrapNotice } from './steps/unwrap-notice.ts';

/**
 * The one ordered chain from raw bytes to a report file. Script conversion runs before the
 * cleaners because their chrome and spam vocabularies are written in Simplified characters;
 * spam runs before chrome so a title defaced by spam is still found as the title.
 */
export function createPipeline() {
  return unified()
    .use(parseRaw)
    .use(convertScript)
    .use(stripSpam)
    .use(stripChrome)
    .use(unwrapNotice)
    .use(joinWrappedLines)
    .use(normalizePunctuation)
    .use(buildStructure)
    .use(countRedactions)
    .use(extractMetadata)
    .use(tagSections)
    .use(extractMetrics)
    .use(compileReport)
    .freeze();
}
