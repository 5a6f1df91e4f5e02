import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { readReports } from '../src/lib/read-reports.ts';
import { searchFiles } from '../src/lib/search/files.ts';
import { foldText, queryPhrases } from '../src/lib/search/tokens.ts';
import { indexHrefs, searchHref } from '../src/lib/urls.ts';
import { generateCorpus, type Truth } from './bench/generate-corpus.ts';
import { filesUnder, folderBytes, folderSize, latencies, mean, percentile, timed } from './bench/measure.ts';
import { builtDocs, docMatches, openBuiltIndex, ourAnswer, score } from './bench/search-correctness.ts';
import { serveStaticApart } from './bench/static-server.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    out: { type: 'string', default: 'bench-out/results.json' },
    'no-pagefind': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    scaling: { type: 'string', default: '10000' },
  },
});
/**
 * Times each query is timed cold, warm and typed (in that many fresh pages): this machine's
 * latency varies by tens of milliseconds between runs minutes apart, and a median of 14 samples
 * moved with it; 42 move less.
 */
const rounds = Number(values.rounds);
/** The size whose corpus is normalized again on one core and one thread, to compare with all cores (`--scaling 0`: none). */
const scalingSize = Number(values.scaling);
const sizes = values.sizes.split(',').map(Number);
const queries = [
  '双减',
  '课后服务',
  '集团化办学',
  '阳江',
  '湛江',
  '学位',
  '教师',
  '疫情防控',
  '新增学位',
  '广东',
  '校园安全',
  '立德树人',
  '雙減',
  '学前教育毛入园率',
];
const node = process.execPath;
const astro = resolve('node_modules/astro/bin/astro.mjs');

interface SearchFigures {
  indexBytes: number;
  indexGzBytes: number;
  /** What the search page loads before any query: the manifest and pair table (gzipped) and the slot directories. */
  openBytes?: number;
  firstQueryBytes: number | null;
  /** Filter counts' files, fetched after the results show. */
  facetBytes?: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  coldP50Ms: number | null;
  /** A query asked a second time in the same page: no fetch, only the search's work and rendering. */
  repeatP50Ms?: number | null;
  /** A query typed, then submitted 300 ms later: the search while typing has fetched its files by then. */
  typedP50Ms?: number | null;
  recall: number | null;
  precision: number | null;
  buildSeconds?: number;
  buildPeakRssMb?: number | null;
}

function metadataAccuracy(reportsDir: string, truths: Truth[]): Record<string, number> {
  const byFile = new Map(readReports(reportsDir).map(({ data }) => [data.source.file, data]));
  const fields = { title: 0, region: 0, years: 0, kind: 0, normalized: 0 };
  for (const t of truths) {
    const r = byFile.get(t.file);
    if (!r) continue;
    fields.normalized++;
    if (r.title === t.title) fields.title++;
    if (r.region.code === t.region.code) fields.region++;
    if (JSON.stringify([r.yearsReviewed, r.yearsPlanned]) === JSON.stringify([t.yearsReviewed, t.yearsPlanned])) fields.years++;
    if (r.kind === t.kind) fields.kind++;
  }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Math.round((v / truths.length) * 1000) / 1000]));
}

/** Time from submitting a query to its results in the page, measured inside the page so no driver round trip counts. */
function timeQuery(page: Page, q: string): Promise<number> {
  return page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
    const status = document.querySelector<HTMLElement>('[data-search-status]')!;
    input.value = query;
    status.textContent = '';
    const started = performance.now();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (/找到|没有/.test(status.textContent)) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    document.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
    return (await shown) - started;
  }, q);
}

async function measureOurs(
  browser: Browser,
  base: string,
  dist: string,
): Promise<Pick<SearchFigures, 'firstQueryBytes' | 'facetBytes' | 'p50Ms' | 'p95Ms' | 'coldP50Ms' | 'repeatP50Ms' | 'typedP50Ms'>> {
  const gz = (path: string) => gzipSync(readFileSync(join(dist, path))).length;
  // What a host sends: a JSON file gzipped, a pack's range as it is (its values are compressed already).
  const sent = (r: Response): Promise<[string, number]> => {
    const path = new URL(r.url()).pathname;
    return path.endsWith('.bin') ? r.body().then((b) => [path, b.length]) : Promise.resolve([path, gz(path)]);
  };
  const cold: number[] = [];
  const firstBytes: number[] = [];
  const facetBytes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}${searchHref()}`);
      // Sizes are taken once the query is answered: gzipping in the handler would hold up the page's measurement.
      const fetched: Response[] = [];
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith(indexHrefs.search) && (path.endsWith('.json') || path.endsWith('.bin'))) fetched.push(r);
      });
      cold.push(await timeQuery(page, q));
      // Bytes are the same each round: counted in the first.
      if (round > 0) {
        await context.close();
        continue;
      }
      // Snippets and filter counts arrive after the results show: wait for both.
      await page.waitForFunction(() => {
        const snippets = [...document.querySelectorAll('[data-search-results] li')].every(
          (li) => li.querySelector('.snippet')?.textContent,
        );
        const filters = document.querySelector<HTMLSelectElement>('select[data-filter]');
        return snippets && (filters?.options.length ?? 0) > 1;
      });
      const isFacet = (p: string) => p.startsWith(`${indexHrefs.search}facets/`);
      const files = await Promise.all(fetched.map(sent));
      firstBytes.push(files.filter(([p]) => !isFacet(p)).reduce((n, [, b]) => n + b, 0));
      facetBytes.push(files.filter(([p]) => isFacet(p)).reduce((n, [, b]) => n + b, 0));
      await context.close();
    }
  }
  const warm: number[] = [];
  const again: number[] = [];
  const typed: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${searchHref()}`);
    await timeQuery(page, '教育');
    for (const q of queries) warm.push(await timeQuery(page, q));
    // Asked again, every file a query needs is already in the page: what is left is the search's own work and the rendering.
    for (const q of queries) again.push(await timeQuery(page, q));
    await context.close();
    // As a reader searches: the query typed (one input event, as an input method commits it), a
    // 300 ms pause, then Enter; in a fresh page, so no query's files are there before it is typed.
    const typedContext = await browser.newContext();
    const typedPage = await typedContext.newPage();
    await typedPage.goto(`${base}${searchHref()}`);
    await timeQuery(typedPage, '教育');
    for (const q of queries) {
      await typedPage.evaluate((query) => {
        const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, q);
      await typedPage.waitForTimeout(300);
      typed.push(await timeQuery(typedPage, q));
    }
    await typedContext.close();
  }
  return {
    repeatP50Ms: Math.round(percentile(again, 50)),
    typedP50Ms: Math.round(percentile(typed, 50)),
    firstQueryBytes: percentile(firstBytes, 50),
    facetBytes: percentile(facetBytes, 50),
    ...latencies(warm, cold),
  };
}

async function measurePagefind(
  browser: Browser,
  base: string,
  truths: Map<string, Set<string>>,
): Promise<Pick<SearchFigures, 'firstQueryBytes' | 'p50Ms' | 'p95Ms' | 'coldP50Ms' | 'recall' | 'precision'>> {
  const cold: number[] = [];
  const firstBytes: number[] = [];
  const recalls: number[] = [];
  const precisions: number[] = [];
  const ask = (q: string, all: boolean) =>
    `(async () => { const t0 = performance.now(); const pf = window.__pf ??= await import('/_pagefind/pagefind.js'); await pf.init(); const r = await pf.search(${JSON.stringify(q)}); const list = ${all ? 'r.results.slice(0, 3000)' : 'r.results.slice(0, 10)'}; const data = await Promise.all(list.map((x) => x.data())); return { ms: performance.now() - t0, urls: data.map((d) => d.url), total: r.results.length }; })()`;
  for (const q of queries) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/404.html`);
    let bytes = 0;
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/_pagefind/'))
        void r.body().then(
          (b) => (bytes += b.length),
          () => undefined,
        );
    });
    const { ms } = await page.evaluate<{ ms: number }>(ask(q, false));
    cold.push(ms);
    await page.waitForTimeout(100);
    firstBytes.push(bytes);
    const { urls } = await page.evaluate<{ urls: string[] }>(ask(q, true));
    const found = new Set(urls.map((u) => u.split('/')[2]!));
    const s = score(found, truths.get(q)!);
    recalls.push(s.recall);
    precisions.push(s.precision);
    await context.close();
  }
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/404.html`);
  await page.evaluate(ask('教育', false));
  const warm: number[] = [];
  for (const q of queries) warm.push((await page.evaluate<{ ms: number }>(ask(q, false))).ms);
  await context.close();
  return { firstQueryBytes: percentile(firstBytes, 50), ...latencies(warm, cold), recall: mean(recalls), precision: mean(precisions) };
}

/** Normalize's speed on every core against one thread, in MB/s of raw text: medians of `runs` interleaved runs each. */
interface Scaling {
  cores: number;
  runs: number;
  allCoresMbPerSec: number;
  /** `--threads 1` pinned to one core by `taskset` (null where the machine has no taskset): what one core does. */
  oneCoreMbPerSec: number | null;
  /** `--threads 1` free to use every core: V8's collector and compiler threads take a share of the others. */
  oneThreadMbPerSec: number;
  /** Whether every run wrote the very files the bench's own normalize run did. */
  identical: boolean;
}

const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;
/**
 * Interleaved runs of each way to normalize at the scaling size: this machine's speed drifts by
 * 10–20 % between runs minutes apart, and a single pair of runs gave ratios from 1.35× to 1.95×.
 */
const scalingRuns = 3;

/**
 * Normalizes a size's corpus again, `scalingRuns` times each way, interleaved: on every core, on
 * one thread pinned to one core, on one thread unpinned; compares each output with the bench's own run.
 */
function normalizeScaling(root: string, rawBytes: number): Scaling {
  const out = join(root, 'reports-again');
  let identical = true;
  const once = (threads: number, pinned: boolean): number => {
    rmSync(out, { recursive: true, force: true });
    const args = ['scripts/normalize.ts', '--in', join(root, 'raw'), '--out', out, '--threads', String(threads)];
    console.error(`[bench] normalizing on ${threads} thread(s)${pinned ? ', one core' : ''}`);
    const run = pinned && taskset ? timed(taskset, ['-c', '0', node, ...args]) : timed(node, args);
    identical &&= run.status === 0 && timed('diff', ['-rq', join(root, 'reports'), out]).status === 0;
    rmSync(out, { recursive: true, force: true });
    return run.seconds;
  };
  const times = { all: [] as number[], core: [] as number[], thread: [] as number[] };
  for (let run = 0; run < scalingRuns; run++) {
    times.all.push(once(availableParallelism(), false));
    if (taskset) times.core.push(once(1, true));
    times.thread.push(once(1, false));
  }
  const rate = (seconds: number[]) => Math.round((rawBytes / 1e6 / percentile(seconds, 50)) * 100) / 100;
  return {
    cores: availableParallelism(),
    runs: scalingRuns,
    allCoresMbPerSec: rate(times.all),
    oneCoreMbPerSec: taskset ? rate(times.core) : null,
    oneThreadMbPerSec: rate(times.thread),
    identical,
  };
}

async function benchSize(n: number, browser: Browser | null) {
  const root = resolve(`bench-out/${n}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  console.error(`[bench] ${n}: generating`);
  const truths = generateCorpus(n, join(root, 'raw'));
  const rawBytes = filesUnder(join(root, 'raw')).reduce((s, p) => s + statSync(p).size, 0);

  console.error(`[bench] ${n}: normalizing`);
  const norm = timed(node, ['scripts/normalize.ts', '--in', join(root, 'raw'), '--out', join(root, 'reports')]);
  const accuracy = metadataAccuracy(join(root, 'reports'), truths);
  const scaling = n === scalingSize ? normalizeScaling(root, rawBytes) : null;

  console.error(`[bench] ${n}: building`);
  const env = {
    ...process.env,
    ARCHIVE_RAW: join(root, 'raw'),
    ARCHIVE_REPORTS: join(root, 'reports'),
    ARCHIVE_OUT: join(root, 'dist'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--max-old-space-size=16384',
  };
  const build = timed(node, [astro, 'build'], { env });
  if (build.status !== 0) throw new Error(`astro build failed at ${n}:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const dist = join(root, 'dist');
  const pages = filesUnder(dist).filter((p) => p.endsWith('.html')).length;
  const { files: distFiles, bytes: distBytes } = folderSize(dist);
  const index = folderBytes(join(dist, 'search'), (p) => p.endsWith('.json') || p.endsWith('.bin'));

  console.error(`[bench] ${n}: search correctness`);
  const allDocs = builtDocs(dist);
  const truthSets = new Map<string, Set<string>>();
  const recalls: number[] = [];
  const precisions: number[] = [];
  for (const q of queries) {
    const phrases = queryPhrases(foldText(q.replace('雙減', '双减')));
    const truth = new Set(allDocs.flatMap((d) => (docMatches(d, phrases) ? [d.slug] : [])));
    truthSets.set(q, truth);
    // A reader per query, as a fresh page has: what one query reads is all it keeps.
    const s = score(await ourAnswer(await openBuiltIndex(dist), q), truth);
    recalls.push(s.recall);
    precisions.push(s.precision);
  }
  const inSearch = (file: string) => readFileSync(join(dist, 'search', file));
  const search: SearchFigures = {
    indexBytes: index.bytes,
    indexGzBytes: index.gzBytes,
    openBytes:
      gzipSync(inSearch(searchFiles.manifest)).length +
      gzipSync(inSearch(searchFiles.pairs)).length +
      inSearch(searchFiles.shardDirectory).length +
      inSearch(searchFiles.textDirectory).length,
    firstQueryBytes: null,
    p50Ms: null,
    p95Ms: null,
    coldP50Ms: null,
    recall: mean(recalls),
    precision: mean(precisions),
  };

  let pagefind: SearchFigures | null = null;
  if (!values['no-pagefind']) {
    console.error(`[bench] ${n}: pagefind`);
    const pf = timed(
      node,
      [resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist, '--output-subdir', '_pagefind', '--glob', 'reports/**/*.html'],
      { env },
    );
    const pfIndex = existsSync(join(dist, '_pagefind')) ? folderBytes(join(dist, '_pagefind')) : { bytes: 0, gzBytes: 0 };
    pagefind = {
      indexBytes: pfIndex.bytes,
      indexGzBytes: pfIndex.bytes,
      firstQueryBytes: null,
      p50Ms: null,
      p95Ms: null,
      coldP50Ms: null,
      recall: null,
      precision: null,
      buildSeconds: Math.round(pf.seconds * 10) / 10,
      buildPeakRssMb: pf.peakRssMb,
    };
    if (pf.status !== 0) console.error(`[bench] pagefind failed: ${pf.stderr.slice(-2000)}`);
  }
  if (browser) {
    console.error(`[bench] ${n}: browser`);
    const server = await serveStaticApart(dist, 4500 + (n % 400));
    try {
      Object.assign(search, await measureOurs(browser, server.url, dist));
      if (pagefind && pagefind.indexBytes > 0) Object.assign(pagefind, await measurePagefind(browser, server.url, truthSets));
    } finally {
      await server.stop();
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    reports: n,
    rawMb: round(rawBytes / 1e6),
    normalize: {
      seconds: round(norm.seconds),
      mbPerSec: round(rawBytes / 1e6 / norm.seconds),
      peakRssMb: norm.peakRssMb,
      accuracy,
      scaling,
    },
    build: {
      seconds: round(build.seconds),
      peakRssMb: build.peakRssMb,
      pages,
      distBytes,
      distFiles,
      secondsPerThousand: round((build.seconds / n) * 1000),
    },
    search,
    pagefind,
  };
}

const browser = values['no-browser']
  ? null
  : await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
const results = [];
try {
  for (const n of sizes) {
    results.push(await benchSize(n, browser));
    mkdirSync(resolve(values.out, '..'), { recursive: true });
    writeFileSync(values.out, JSON.stringify({ cores: availableParallelism(), rounds, sizes: results }, null, 2));
  }
} finally {
  await browser?.close();
}

const mb = (b: number | null) => (b === null ? '—' : `${(b / 1e6).toFixed(1)} MB`);
const kb = (b: number | null) => (b === null ? '—' : `${(b / 1024).toFixed(0)} KB`);
const v = (x: number | null | undefined, unit = '') => (x === null || x === undefined ? '—' : `${x}${unit}`);
const row = (cells: (string | number)[]) => {
  console.log(`| ${cells.join(' | ')} |`);
};
const head = (cells: string[]) => {
  row(cells);
  row(cells.map(() => '---'));
};
console.log(`\ncores: ${availableParallelism()}; each search query timed in ${rounds} fresh pages (--rounds)\n`);
head([
  'reports',
  'raw',
  'normalize',
  'MB/s',
  'normalize RSS',
  'build',
  'build RSS',
  'normalize + build',
  'pages',
  'files per report',
  'KB per report',
  'title/region/years/kind right',
]);
for (const r of results) {
  const a = r.normalize.accuracy;
  const perReport = (x: number) => (x / r.reports).toFixed(1);
  row([
    r.reports,
    `${r.rawMb} MB`,
    `${r.normalize.seconds} s`,
    r.normalize.mbPerSec,
    v(r.normalize.peakRssMb, ' MB'),
    `${r.build.seconds} s`,
    v(r.build.peakRssMb, ' MB'),
    `${(r.normalize.seconds + r.build.seconds).toFixed(1)} s`,
    r.build.pages,
    perReport(r.build.distFiles),
    perReport(r.build.distBytes / 1024),
    `${a.title}/${a.region}/${a.years}/${a.kind}`,
  ]);
}
for (const r of results) {
  const sc = r.normalize.scaling;
  if (!sc) continue;
  const times = (base: number | null) => (base ? `${(sc.allCoresMbPerSec / base).toFixed(2)}×` : '—');
  console.log(
    `\nnormalize at ${r.reports}, medians of ${sc.runs} interleaved runs: ${sc.cores} cores ${sc.allCoresMbPerSec} MB/s; one core (taskset) ${v(sc.oneCoreMbPerSec, ' MB/s')}, ` +
      `${times(sc.oneCoreMbPerSec)}; one thread, unpinned ${sc.oneThreadMbPerSec} MB/s, ${times(sc.oneThreadMbPerSec)}; ` +
      `output ${sc.identical ? 'identical' : 'DIFFERENT'}`,
  );
}
console.log('');
head([
  'reports',
  'index (gz)',
  'page load',
  '1st query',
  '+ filter counts',
  'warm p50/p95',
  'typed, then Enter p50',
  'cold p50',
  'repeat p50',
  'recall / precision',
]);
for (const { reports, search: s } of results) {
  row([
    reports,
    `${mb(s.indexBytes)} (${mb(s.indexGzBytes)})`,
    kb(s.openBytes ?? null),
    kb(s.firstQueryBytes),
    kb(s.facetBytes ?? null),
    `${v(s.p50Ms)}/${v(s.p95Ms)} ms`,
    v(s.typedP50Ms, ' ms'),
    v(s.coldP50Ms, ' ms'),
    v(s.repeatP50Ms, ' ms'),
    `${v(s.recall)} / ${v(s.precision)}`,
  ]);
}
if (results.some((r) => r.pagefind)) {
  console.log('');
  head(['reports', 'Pagefind index', 'build / RSS', '1st query', 'warm p50/p95', 'recall / precision']);
  for (const { reports, pagefind: p } of results) {
    if (p)
      row([
        reports,
        mb(p.indexBytes),
        `${v(p.buildSeconds)} s / ${v(p.buildPeakRssMb, ' MB')}`,
        kb(p.firstQueryBytes),
        `${v(p.p50Ms)}/${v(p.p95Ms)} ms`,
        `${v(p.recall)} / ${v(p.precision)}`,
      ]);
  }
}
console.log(`\nJSON: ${values.out}`);
