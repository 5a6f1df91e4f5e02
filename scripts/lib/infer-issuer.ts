import { docNumberIn } from './doc-number.ts';
import { countMentions, divisionByCode, type Division } from '../../src/lib/gazetteer.ts';

/** Names of the body that issues education reports. */
export const bureauPattern = /(?:教育体育局|教育和体育局|教育文化体育局|教育科技局|教育局|教体局|教育委员会|教委)/;

/** An issuer inferred from evidence in the text, never from guesswork. */
export interface InferredIssuer {
  name: string;
  division: Division;
  evidence: string[];
}

const levelOf: Record<string, Division['level']> = { 省: 'province', 市: 'city', 县: 'county', 区: 'county', 州: 'city' };

/**
 * Infers the issuing bureau when its name is missing: a meta line that names the bureau by level
 * only (来源：市教育局) plus the division of that level the text names most often, clearly ahead of
 * any other. Returns null when the evidence does not single one out.
 */
export function inferIssuer(lines: string[]): InferredIssuer | null {
  const text = lines.join('\n');
  const evidence: string[] = [];
  let level: Division['level'] | null = null;
  let bureau = '教育局';
  for (const line of lines) {
    const m = line.match(new RegExp(`(?:来源|发布机构|发文机关|信息来源|发布单位)[:：]\\s*([省市县区州])(${bureauPattern.source})`));
    if (m) {
      level = levelOf[m[1]!] ?? null;
      bureau = m[2]!;
      evidence.push(`页面注明来源为${m[1]}${m[2]}`);
      break;
    }
  }
  if (!level) return null;
  const ranked = [...countMentions(text)]
    .map(([code, count]) => ({ d: divisionByCode(code)!, count }))
    .filter((x) => x.d.level === level)
    .sort((a, b) => b.count - a.count || a.d.code.localeCompare(b.d.code));
  const [first, second] = ranked;
  if (!first || first.count < 3 || (second && second.count * 3 > first.count)) return null;
  evidence.push(`正文提到${first.d.name} ${first.count} 次${second ? `，其次的同级地名 ${second.count} 次` : ''}`);
  const docNumber = docNumberIn(text);
  if (docNumber) evidence.push(`文号 ${docNumber}`);
  return { name: `${first.d.name}${bureau}`, division: first.d, evidence };
}
