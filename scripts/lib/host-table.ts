import { pinyin } from 'pinyin-pro';
import { divisions } from '../../src/lib/gazetteer.ts';

/** Host labels that name no place: services, sections and domains of government and school sites. */
const serviceLabel = /^(?:www|m|wap|gov|edu|com|net|org|cn|jyj|jy|jyt|jw|jwt|edu|xxgk|zwgk|zfxxgk|sjy|sjyj|jyw|news|zw|web)$/;

/**
 * The host table: each division's name in toneless pinyin, as government hosts spell their place
 * (jyj.ningbo.gov.cn, www.changzhou.gov.cn), mapped to the GB/T 2260 codes that bear it. Built
 * from the gazetteer by `npm run hosts` and kept as data in `scripts/data/host-regions.json`.
 */
export function buildHostTable(): Record<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const d of divisions()) {
    const stem = d.short ?? d.name;
    const label = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').replace(/ü/g, 'v').toLowerCase();
    if (label.length < 4 || serviceLabel.test(label)) continue;
    table.set(label, (table.get(label) ?? new Set()).add(d.code));
  }
  return Object.fromEntries([...table].sort(([a], [b]) => a.localeCompare(b)).map(([label, codes]) => [label, [...codes].sort()]));
}

/** The labels of a government host that may name its place: the parts before gov.cn, without service prefixes. */
export function placeLabels(host: string): string[] {
  const labels = host.toLowerCase().split('.');
  const gov = labels.lastIndexOf('gov');
  if (gov === -1 || labels[gov + 1] !== 'cn') return [];
  return labels.slice(0, gov).filter((l) => !serviceLabel.test(l));
}
