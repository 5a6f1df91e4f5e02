import { parseArgs } from 'node:util';
import { normalizeBatch } from './normalize-batch.ts';

const { values } = parseArgs({
  options: { in: { type: 'string', default: 'content/raw' }, out: { type: 'string' }, slugs: { type: 'string' } },
});

// The archive's slug registry goes with the archive's reports; another --out keeps its own slugs only if asked.
const result = normalizeBatch(values.in, values.out ?? 'content/reports', values.slugs ?? (values.out ? null : 'content/slugs.json'));
for (const o of result.outcomes) {
  if (o.ok) {
    console.log(`ok    ${o.file} → ${o.slug}.md (${o.summary})`);
    for (const w of o.warnings) console.log(`      warning: ${w}`);
  } else {
    console.error(`FAIL  ${o.error}`);
  }
}
const failed = result.outcomes.filter((o) => !o.ok).length;
const mb = result.bytes / 1e6;
console.log(
  `normalized ${result.outcomes.length - failed} of ${result.outcomes.length} files (${mb.toFixed(2)} MB) in ${result.seconds.toFixed(2)} s, ${(mb / result.seconds).toFixed(1)} MB/s` +
    (failed ? `; ${failed} failed` : ''),
);
process.exitCode = failed ? 1 : 0;
