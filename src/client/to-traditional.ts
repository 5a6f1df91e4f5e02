import * as OpenCC from 'opencc-js/cn2t';

/** Mainland Simplified → Taiwan standard Traditional, phrase by phrase. */
export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
