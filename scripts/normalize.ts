import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { BatchError } from './lib/batch-error.ts';
import type { BatchResult } from './lib/batch-run.ts';

// V8 keeps the compiled code of the pipeline's modules on disk (in the system's temporary folder),
// so each run, and each worker thread of a run, starts without compiling them again. A worker
// does not inherit the call, only the environment: NODE_COMPILE_CACHE passes the folder on.
const cache = enableCompileCache();
if (cache.directory) process.env.NODE_COMPILE_CACHE ??= cache.directory;

function report(result: BatchResult): void {
  for (const o of result.outcomes) {
    if (o.ok) {
      console.log(`ok    ${o.file} → ${o.slug}.md (${o.summary})`);
      for (const w of o.warnings) console.log(`      warning: ${w}`);
    } else {
      console.error(`FAIL  ${o.error}`);
    }
  }
  for (const r of result.removed) console.log(`rm    ${r.file} (${r.reason})`);
  for (const note of result.notes) console.log(`note  ${note}`);
  const failed = result.outcomes.filter((o) => !o.ok).length;
  const mb = result.bytes / 1e6;
  const rate = result.seconds > 0 ? `, ${(mb / result.seconds).toFixed(1)} MB/s` : '';
  console.log(
    `normalized ${result.outcomes.length - failed} of ${result.outcomes.length} files (${mb.toFixed(2)} MB) in ${result.seconds.toFixed(2)} s${rate}` +
      (failed ? `; ${failed} failed` : '') +
      (result.removed.length ? `; removed ${result.removed.length} obsolete report(s)` : ''),
  );
  process.exitCode = failed ? 1 : 0;
}

try {
  const { values } = parseArgs({
    options: {
      in: { type: 'string', default: 'content/raw' },
      out: { type: 'string' },
      slugs: { type: 'string' },
      threads: { type: 'string' },
    },
  });
  // The archive's slug registry goes with the archive's reports; another --out keeps its own slugs only if asked.
  const args = [values.in, values.out ?? 'content/reports', values.slugs ?? (values.out ? null : 'content/slugs.json')] as const;
  // Worker threads pay for themselves past a few hundred files; the output is the same either way.
  const threads = values.threads ? Number(values.threads) : availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new BatchError(`--threads ${values.threads}: expected a whole number of 1 or more`);
  // Each runner is loaded only when used: the parallel one's main thread never loads the pipeline.
  report(
    threads > 1
      ? await (await import('./normalize-parallel.ts')).normalizeBatchParallel(...args, threads)
      : (await import('./normalize-batch.ts')).normalizeBatch(...args),
  );
} catch (error) {
  const usage = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true;
  if (!(error instanceof BatchError) && !usage) throw error;
  console.error(
    `normalize: ${(error as Error).message}${usage ? ' (usage: npm run normalize -- [--in DIR] [--out DIR] [--slugs FILE] [--threads N])' : ''}`,
  );
  process.exitCode = 2;
}
