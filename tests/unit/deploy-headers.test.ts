import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  awsScript,
  checkCoverage,
  commandUploads,
  globMatches,
  headersFor,
  immutableCache,
  revalidateCache,
  uploadCommands,
  uploadRules,
} from '../../scripts/lib/object-headers.ts';

/** One file of every kind `npm run build` writes into dist/ (the 5-report archive, abridged). */
const slug = '2021-jiangxi-nanchang-summary-plan';
const distFiles = [
  '404.html',
  'index.html',
  'favicon.svg',
  'feed.xml',
  'robots.txt',
  'sitemap-0.xml',
  'sitemap-index.xml',
  '_astro/Base.4SKxkwxj.css',
  '_astro/labels.CyS4fQRF.js',
  '_astro/_...list_.astro_astro_type_script_index_0_lang.DrDhPN2N.js',
  'api/catalogue.json',
  'api/reports.json',
  'compare/index.html',
  'regions/jiangxi/nanchang/index.html',
  'reports/by-region/index.html',
  'reports/index.html',
  `reports/${slug}/index.html`,
  `reports/${slug}.json`,
  `reports/${slug}.md`,
  `reports/${slug}.original`,
  `reports/${slug}.raw.txt`,
  'search/facets/0.json',
  'search/index.html',
  'search/manifest.json',
  'search/meta/0.json',
  'search/shard/0.bin',
  'search/text/0.bin',
  'search/t2s.json',
  'trends/index.html',
  'years/2021/index.html',
];

describe('headersFor: what the object store is told about each kind of file', () => {
  const cases: [string, string, string, string?][] = [
    [`reports/${slug}/index.html`, 'text/html; charset=utf-8', revalidateCache],
    ['404.html', 'text/html; charset=utf-8', revalidateCache],
    [`reports/${slug}.md`, 'text/markdown; charset=utf-8', revalidateCache],
    [`reports/${slug}.raw.txt`, 'text/plain; charset=utf-8', revalidateCache],
    [`reports/${slug}.json`, 'application/json; charset=utf-8', revalidateCache],
    [`reports/${slug}.original`, 'application/octet-stream', revalidateCache, 'attachment'],
    ['search/shard/0.bin', 'application/octet-stream', revalidateCache],
    ['search/text/3.bin', 'application/octet-stream', revalidateCache],
    ['search/manifest.json', 'application/json; charset=utf-8', revalidateCache],
    ['api/reports.json', 'application/json; charset=utf-8', revalidateCache],
    ['feed.xml', 'application/atom+xml; charset=utf-8', revalidateCache],
    ['sitemap-index.xml', 'application/xml; charset=utf-8', revalidateCache],
    ['robots.txt', 'text/plain; charset=utf-8', revalidateCache],
    ['favicon.svg', 'image/svg+xml', revalidateCache],
    ['_astro/Base.4SKxkwxj.css', 'text/css; charset=utf-8', immutableCache],
    ['_astro/labels.CyS4fQRF.js', 'text/javascript; charset=utf-8', immutableCache],
  ];
  it.each(cases)('%s → %s, %s', (path, contentType, cacheControl, contentDisposition) => {
    expect(headersFor(path)).toEqual(
      contentDisposition === undefined ? { contentType, cacheControl } : { contentType, cacheControl, contentDisposition },
    );
  });

  it('gives every text type a UTF-8 charset and only hashed assets a long cache', () => {
    for (const rule of uploadRules) {
      const { contentType, cacheControl } = rule.headers;
      if (/^text\/|json|xml|javascript/.test(contentType) && contentType !== 'image/svg+xml')
        expect(contentType, rule.pattern).toMatch(/; charset=utf-8$/);
      expect(cacheControl, rule.pattern).toBe(rule.under === '_astro' ? immutableCache : revalidateCache);
    }
  });

  it('refuses a kind of file the archive does not publish, instead of guessing', () => {
    expect(() => headersFor('reports/x.pdf')).toThrow('reports/x.pdf: no upload rule');
    expect(() => headersFor('_astro/x.js.map')).toThrow('no upload rule');
    expect(() => headersFor('other.xml')).toThrow('no upload rule');
    expect(() => headersFor('README')).toThrow('no upload rule');
  });
});

describe('globMatches: the AWS CLI filter syntax', () => {
  it('lets * cross folders and matches the whole path', () => {
    expect(globMatches('*.json', 'search/shard/1.json')).toBe(true);
    expect(globMatches('*.json', 'search/shard/1.json.bak')).toBe(false);
    expect(globMatches('_astro/*', '_astro/a/b.js')).toBe(true);
    expect(globMatches('feed.xml', 'x/feed.xml')).toBe(false);
    expect(globMatches('sitemap*.xml', 'sitemap-index.xml')).toBe(true);
    expect(globMatches('*.md', 'reports/amd')).toBe(false);
  });
});

describe('uploadCommands: one aws s3 sync per kind of file', () => {
  const commands = uploadCommands(distFiles);

  it('uploads every file exactly once, with its own headers', () => {
    expect(checkCoverage(distFiles, commands)).toEqual([]);
    for (const path of distFiles) {
      const by = commands.filter((c) => commandUploads(c, path));
      expect(
        by.map((c) => c.headers),
        path,
      ).toEqual([headersFor(path)]);
    }
  });

  it('puts the hashed assets first and the pages last', () => {
    const order = commands.map((c) => c.phase);
    expect(order[0]).toBe('assets');
    expect(order.at(-1)).toBe('pages');
    expect([...order].sort((a, b) => ['assets', 'data', 'pages'].indexOf(a) - ['assets', 'data', 'pages'].indexOf(b))).toEqual(order);
  });

  it('names no command for a kind of file dist/ does not hold', () => {
    expect(commands.some((c) => c.filters.some(([, p]) => p === '*.png'))).toBe(false);
  });

  it('reports a file no command uploads, one two upload, and an unknown kind', () => {
    const withoutMd = commands.filter((c) => !c.filters.some(([, p]) => p === '*.md'));
    expect(checkCoverage([`reports/${slug}.md`], withoutMd)).toEqual([`reports/${slug}.md: uploaded by 0 commands`]);
    const doubled = [...commands, commands.find((c) => c.filters.some(([, p]) => p === '*.html'))!];
    expect(checkCoverage(['index.html'], doubled)).toEqual(['index.html: uploaded by 2 commands']);
    expect(checkCoverage(['x.pdf'], commands)).toEqual(['x.pdf: no upload rule for this kind of file']);
  });
});

describe('awsScript: the exact deploy commands', () => {
  const commands = uploadCommands(['_astro/a.js', `reports/${slug}.original`, 'index.html']);

  it('syncs each kind with its headers, then deletes what dist/ no longer has, then invalidates', () => {
    expect(awsScript(commands, { dist: 'dist', bucket: 's3://edu-archive', distributionId: 'E2EXAMPLE' })).toEqual([
      'set -eu',
      `aws s3 sync dist/_astro s3://edu-archive/_astro --exclude '*' --include '*.js' --content-type 'text/javascript; charset=utf-8' --cache-control 'public, max-age=31536000, immutable' --no-progress`,
      `aws s3 sync dist s3://edu-archive --exclude '*' --include '*.original' --exclude '_astro/*' --content-type application/octet-stream --cache-control 'public, max-age=0, s-maxage=86400, must-revalidate' --content-disposition attachment --no-progress`,
      `aws s3 sync dist s3://edu-archive --exclude '*' --include '*.html' --exclude '_astro/*' --content-type 'text/html; charset=utf-8' --cache-control 'public, max-age=0, s-maxage=86400, must-revalidate' --no-progress`,
      'aws s3 sync dist s3://edu-archive --delete --size-only --no-progress',
      `aws cloudfront create-invalidation --distribution-id E2EXAMPLE --paths '/*'`,
    ]);
  });

  it('re-uploads everything with cp --recursive, and names another S3 endpoint on every S3 command', () => {
    const lines = awsScript(commands, { dist: 'out', bucket: 's3://b/site', endpointUrl: 'http://127.0.0.1:4569', reupload: true });
    expect(lines[1]).toMatch(/^aws s3 cp --recursive out\/_astro s3:\/\/b\/site\/_astro /);
    expect(lines.slice(1).every((l) => l.endsWith('--no-progress --endpoint-url http://127.0.0.1:4569'))).toBe(true);
    expect(lines.at(-1)).toBe('aws s3 sync out s3://b/site --delete --size-only --no-progress --endpoint-url http://127.0.0.1:4569');
  });
});

describe('npm run deploy:headers', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/deploy-headers.ts', ...args], { encoding: 'utf8' });
  const dist = mkdtempSync(join(tmpdir(), 'deploy-dist-'));
  for (const path of distFiles) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), 'x');
  }

  it('prints one line per file: path, Content-Type, Cache-Control, Content-Disposition', () => {
    const result = run('--dist', dist);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(distFiles.length);
    expect(lines).toContain(`reports/${slug}.original\tapplication/octet-stream\t${revalidateCache}\tattachment`);
    expect(lines).toContain(`reports/${slug}.md\ttext/markdown; charset=utf-8\t${revalidateCache}\t`);
  });

  it('prints the upload script, and refuses a bad bucket', () => {
    const result = run('--dist', dist, '--aws', 's3://edu-archive');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('set -eu');
    expect(run('--dist', dist, '--aws', 'edu-archive').status).toBe(2);
  });

  it('fails, naming the file, when dist/ holds a kind of file no rule covers', () => {
    writeFileSync(join(dist, 'reports', 'x.pdf'), 'x');
    const result = run('--dist', dist);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('reports/x.pdf: no upload rule');
  });
});

describe('the CloudFront function for directory URLs', () => {
  const handler = runInNewContext(`${readFileSync('scripts/deploy/cloudfront-directory-index.js', 'utf8')}\nhandler`) as (
    event: unknown,
  ) => unknown;
  const request = (uri: string, querystring: Record<string, unknown> = {}) => ({
    request: { method: 'GET', uri, querystring, headers: {}, cookies: {} },
  });

  it('reads index.html for a URL ending in /', () => {
    expect(handler(request(`/reports/${slug}/`))).toMatchObject({ uri: `/reports/${slug}/index.html` });
    expect(handler(request('/'))).toMatchObject({ uri: '/index.html' });
  });

  it('passes every file URL through unchanged', () => {
    for (const path of distFiles.filter((p) => !p.endsWith('index.html'))) {
      expect(handler(request(`/${path}`)), path).toMatchObject({ uri: `/${path}` });
    }
  });

  it('redirects a directory URL without its slash, keeping the query', () => {
    expect(handler(request(`/reports/${slug}`))).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: `/reports/${slug}/` } },
    });
    const query = {
      q: { value: '%E5%8F%8C%E5%87%8F' },
      year: { value: '2021', multiValue: [{ value: '2021' }, { value: '2022' }] },
      all: { value: '' },
    };
    expect(handler(request('/search', query))).toMatchObject({
      headers: { location: { value: '/search/?q=%E5%8F%8C%E5%87%8F&year=2021&year=2022&all' } },
    });
  });
});
