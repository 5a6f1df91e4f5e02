/**
 * What an object store (S3 or any S3-compatible one, behind a CDN) must be told about each file
 * of a built `dist/`: its Content-Type, Cache-Control and, for the raw captures,
 * Content-Disposition; and the AWS CLI commands that upload `dist/` with exactly that metadata,
 * one `aws s3 sync` per kind of file, checked to cover every file once.
 */

/** The metadata stored with one object, which the store sends back as response headers. */
export interface ObjectHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly contentDisposition?: string;
}

/** Vite's hashed build output (`/_astro/`): a changed file gets a new name, so it never changes. */
export const immutableCache = 'public, max-age=31536000, immutable';

/**
 * Everything else keeps its URL from one build to the next — pages, downloads, and the search
 * index, whose shard numbers and document ids only make sense with the manifest of the same
 * build — so browsers revalidate on every use (a 304 costs a round trip and no bytes) and the CDN
 * keeps a copy for at most a day, or until the deploy's invalidation.
 */
export const revalidateCache = 'public, max-age=0, s-maxage=86400, must-revalidate';

/** Upload order: assets first, so that no new page names a file not yet there; pages last. */
export type Phase = 'assets' | 'data' | 'pages';
const phases: readonly Phase[] = ['assets', 'data', 'pages'];

/** One kind of file: where it lives, its glob, and its headers. */
export interface UploadRule {
  /** The folder of `dist/` the rule covers: `_astro` for the hashed assets, `''` for the rest. */
  readonly under: '_astro' | '';
  /** A glob in the AWS CLI's filter syntax (`*` matches any run of characters, `/` included). */
  readonly pattern: string;
  readonly phase: Phase;
  readonly headers: ObjectHeaders;
}

const utf8 = (type: string): string => `${type}; charset=utf-8`;
const asset = (pattern: string, contentType: string): UploadRule => ({
  under: '_astro',
  pattern,
  phase: 'assets',
  headers: { contentType, cacheControl: immutableCache },
});
const data = (pattern: string, contentType: string, contentDisposition?: string): UploadRule => ({
  under: '',
  pattern,
  phase: 'data',
  headers:
    contentDisposition === undefined
      ? { contentType, cacheControl: revalidateCache }
      : { contentType, cacheControl: revalidateCache, contentDisposition },
});

/**
 * Every kind of file the archive publishes. The rules of one folder never match the same file
 * (`uploadRuleFor` and `checkCoverage` both check it); a file no rule matches is an error, so a
 * new kind of output cannot reach the store with a guessed type.
 */
export const uploadRules: readonly UploadRule[] = [
  asset('*.js', utf8('text/javascript')),
  asset('*.css', utf8('text/css')),
  asset('*.svg', 'image/svg+xml'),
  asset('*.woff2', 'font/woff2'),
  asset('*.png', 'image/png'),
  asset('*.webp', 'image/webp'),
  asset('*.jpg', 'image/jpeg'),
  // Report downloads, the search index's JSON files (/search/**), /api/*.json.
  data('*.json', utf8('application/json')),
  // The search index's packs (/search/shard/<g>.bin, /search/text/<p>.bin): values compressed one
  // by one and read by Range requests, so the store must send them as they are (a type CDNs do
  // not compress on the fly).
  data('*.bin', 'application/octet-stream'),
  data('*.md', utf8('text/markdown')),
  // /reports/<slug>.raw.txt and /robots.txt.
  data('*.txt', utf8('text/plain')),
  // The capture's exact bytes, possibly HTML: never rendered. Without a file name the browser
  // keeps the one the page's `download` attribute gives (the capture's own name).
  data('*.original', 'application/octet-stream', 'attachment'),
  data('feed.xml', utf8('application/atom+xml')),
  data('sitemap*.xml', utf8('application/xml')),
  data('favicon.svg', 'image/svg+xml'),
  { under: '', pattern: '*.html', phase: 'pages', headers: { contentType: utf8('text/html'), cacheControl: revalidateCache } },
];

/** The folders that rules of the `''` folder leave to rules of their own. */
const ruleFolders = [...new Set(uploadRules.map((r) => r.under).filter((u) => u !== ''))];

/** Whether `path` matches an AWS CLI filter glob; only `*` is special in the globs used here. */
export function globMatches(pattern: string, path: string): boolean {
  if (/[?[\]]/.test(pattern)) throw new Error(`glob ${pattern}: only * is supported`);
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+^${}()|\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(path);
}

function ruleMatches(rule: UploadRule, path: string): boolean {
  if (rule.under === '') {
    return !ruleFolders.some((f) => path.startsWith(`${f}/`)) && globMatches(rule.pattern, path);
  }
  return path.startsWith(`${rule.under}/`) && globMatches(rule.pattern, path.slice(rule.under.length + 1));
}

/** The rule for one file of `dist/` (a path relative to it, with `/`), or why there is none. */
export function uploadRuleFor(path: string): UploadRule | { error: string } {
  const matching = uploadRules.filter((r) => ruleMatches(r, path));
  if (matching.length === 0) return { error: `${path}: no upload rule for this kind of file` };
  if (matching.length > 1) {
    return { error: `${path}: matched by ${matching.map((r) => `${r.under}/${r.pattern}`).join(' and ')}` };
  }
  return matching[0]!;
}

/** The headers for one file of `dist/`; throws for a kind of file the archive does not publish. */
export function headersFor(path: string): ObjectHeaders {
  const rule = uploadRuleFor(path);
  if ('error' in rule) throw new Error(rule.error);
  return rule.headers;
}

/** One AWS CLI filter, in order: the last one that matches a file decides. */
export type Filter = readonly ['exclude' | 'include', string];

/** One upload command, before it is written out as shell. */
export interface UploadCommand {
  /** Folder of `dist/` uploaded (`''` for all of it), to the same prefix of the bucket. */
  readonly source: string;
  readonly filters: readonly Filter[];
  readonly headers: ObjectHeaders;
  readonly phase: Phase;
}

/** The upload commands `dist/`'s files need: one per rule that matches any file, in phase order. */
export function uploadCommands(paths: readonly string[]): UploadCommand[] {
  const used = new Set<UploadRule>();
  for (const path of paths) {
    const rule = uploadRuleFor(path);
    if (!('error' in rule)) used.add(rule);
  }
  return phases.flatMap((phase) =>
    uploadRules
      .filter((r) => r.phase === phase && used.has(r))
      .map((r) => ({
        source: r.under,
        filters: [
          ['exclude', '*'],
          ['include', r.pattern],
          ...(r.under === '' ? ruleFolders.map((f): Filter => ['exclude', `${f}/*`]) : []),
        ],
        headers: r.headers,
        phase,
      })),
  );
}

/** Whether the AWS CLI would upload `path` (relative to `dist/`) with `command`. */
export function commandUploads(command: UploadCommand, path: string): boolean {
  if (command.source !== '' && !path.startsWith(`${command.source}/`)) return false;
  const relative = command.source === '' ? path : path.slice(command.source.length + 1);
  let included = true;
  for (const [kind, pattern] of command.filters) {
    if (globMatches(pattern, relative)) included = kind === 'include';
  }
  return included;
}

/**
 * Problems with uploading `paths` by `commands`: a file no command uploads, one that two upload,
 * or one uploaded with headers other than its own. Empty when every file goes up once, right.
 */
export function checkCoverage(paths: readonly string[], commands: readonly UploadCommand[]): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    const rule = uploadRuleFor(path);
    if ('error' in rule) {
      problems.push(rule.error);
      continue;
    }
    const by = commands.filter((c) => commandUploads(c, path));
    if (by.length !== 1) problems.push(`${path}: uploaded by ${by.length} commands`);
    else if (JSON.stringify(by[0]!.headers) !== JSON.stringify(rule.headers)) problems.push(`${path}: uploaded with the wrong headers`);
  }
  return problems;
}

/** A word for a POSIX shell, single-quoted when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Where and how to upload. */
export interface AwsTarget {
  /** `dist/` as the commands should name it. */
  readonly dist: string;
  /** `s3://bucket` or `s3://bucket/prefix`, without a trailing slash. */
  readonly bucket: string;
  /** An S3-compatible endpoint other than AWS's (`--endpoint-url`), for the S3 commands. */
  readonly endpointUrl?: string;
  /** A CloudFront distribution to invalidate at the end. */
  readonly distributionId?: string;
  /** `aws s3 cp --recursive` instead of `sync`: uploads every file again, for changed headers. */
  readonly reupload?: boolean;
}

const joinPath = (base: string, sub: string): string => (sub === '' ? base : `${base.replace(/\/$/, '')}/${sub}`);

/**
 * The shell commands that deploy `dist/`: the uploads in phase order, then one sync that deletes
 * what the bucket has and `dist/` no longer does (`--size-only`: every file was just uploaded, so
 * it uploads nothing), then the CDN invalidation.
 */
export function awsScript(commands: readonly UploadCommand[], target: AwsTarget): string[] {
  const endpoint = ['--no-progress', ...(target.endpointUrl === undefined ? [] : ['--endpoint-url', target.endpointUrl])];
  const lines = ['set -eu'];
  for (const c of commands) {
    const verb = target.reupload === true ? ['cp', '--recursive'] : ['sync'];
    const words = [
      'aws',
      's3',
      ...verb,
      joinPath(target.dist, c.source),
      joinPath(target.bucket, c.source),
      ...c.filters.flatMap(([kind, pattern]) => [`--${kind}`, pattern]),
      '--content-type',
      c.headers.contentType,
      '--cache-control',
      c.headers.cacheControl,
      ...(c.headers.contentDisposition === undefined ? [] : ['--content-disposition', c.headers.contentDisposition]),
      ...endpoint,
    ];
    lines.push(words.map(shellWord).join(' '));
  }
  lines.push(['aws', 's3', 'sync', target.dist, target.bucket, '--delete', '--size-only', ...endpoint].map(shellWord).join(' '));
  if (target.distributionId !== undefined) {
    lines.push(
      ['aws', 'cloudfront', 'create-invalidation', '--distribution-id', target.distributionId, '--paths', '/*'].map(shellWord).join(' '),
    );
  }
  return lines;
}
