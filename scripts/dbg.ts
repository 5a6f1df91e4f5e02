import { readdirSync, readFileSync } from 'node:fs';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { steps } from './pipeline.ts';
import { parseRaw } from './steps/parse-raw.ts';
import { compileReport } from './steps/compile-report.ts';
const times = new Map<string, number>();
const timed = (name: string, plugin: any) => function (this: any, ...a: any[]) { const t = plugin.apply(this, a); if (!t) return t; return (tree: any, file: any) => { const s = performance.now(); const r = t(tree, file); times.set(name, (times.get(name) ?? 0) + performance.now() - s); return r; }; };
let p: any = unified().use(parseRaw);
for (const [n, s] of steps) p = p.use(timed(n, s));
p = p.use(compileReport);
const dir = '/tmp/speed-small';
let parse = 0, compile = 0;
for (const f of readdirSync(dir)) {
  const file = new VFile({ path: f, value: readFileSync(dir + '/' + f), data: { source: { file: f, sha256: '0'.repeat(64) } } });
  let s = performance.now(); const tree = p.parse(file); parse += performance.now() - s;
  const t2 = p.runSync(tree, file);
  s = performance.now(); p.stringify(t2, file); compile += performance.now() - s;
}
console.log({ parse, compile }, [...times].map(([k, v]) => `${k} ${v.toFixed(0)}`));
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import { reportSchema } from '../src/lib/report-schema.ts';
import { frontmatterOf } from './steps/compile-report.ts';
{
  let md = 0, ym = 0, zd = 0, js = 0;
  for (const f of readdirSync(dir)) {
    const file = new VFile({ path: f, value: readFileSync(dir + '/' + f), data: { source: { file: f, sha256: '0'.repeat(64) } } });
    const tree = p.runSync(p.parse(file), file);
    let s = performance.now(); toMarkdown(tree); md += performance.now() - s;
    const fm = frontmatterOf(file);
    s = performance.now(); stringify(fm, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }); ym += performance.now() - s;
    s = performance.now(); reportSchema.safeParse(fm); zd += performance.now() - s;
    s = performance.now(); JSON.stringify(fm); js += performance.now() - s;
  }
  console.log({ md, ym, zd, js });
}
