/**
 * `npm run deploy:headers`: the object-store metadata of every file of a built `dist/`.
 *
 *   node scripts/deploy-headers.ts [--dist DIR] [--json]
 *     prints one line per file: path, Content-Type, Cache-Control, Content-Disposition (tab-separated)
 *   node scripts/deploy-headers.ts [--dist DIR] --aws s3://BUCKET[/PREFIX] [--endpoint-url URL]
 *                                  [--distribution-id ID] [--reupload]
 *     prints the shell commands that upload DIR with that metadata (see the README's deploy section)
 *
 * Exits 1, naming the files, if `dist/` holds a kind of file no rule covers; 2 on a bad argument.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { awsScript, checkCoverage, headersFor, uploadCommands, type AwsTarget } from './lib/object-headers.ts';

function usage(message: string): never {
  console.error(`deploy-headers: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      json: { type: 'boolean', default: false },
      aws: { type: 'string' },
      'endpoint-url': { type: 'string' },
      'distribution-id': { type: 'string' },
      reupload: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}

const dist = values.dist.replace(/\/+$/, '') || '.';
let paths: string[];
try {
  paths = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
} catch (error) {
  usage(`cannot read ${dist}: ${(error as Error).message}`);
}
if (paths.length === 0) usage(`${dist} has no files: build first (npm run build)`);

const commands = uploadCommands(paths);
const problems = checkCoverage(paths, commands);
if (problems.length > 0) {
  for (const p of problems) console.error(`deploy-headers: ${p}`);
  console.error('deploy-headers: add a rule in scripts/lib/object-headers.ts for each new kind of file');
  process.exit(1);
}

if (values.aws !== undefined) {
  const bucket = values.aws.replace(/\/+$/, '');
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[\w./-]+)?$/.test(bucket))
    usage(`--aws ${values.aws}: expected s3://bucket or s3://bucket/prefix`);
  const endpoint = values['endpoint-url'];
  if (endpoint !== undefined && !/^https?:\/\/[^\s'"]+$/.test(endpoint)) usage(`--endpoint-url ${endpoint}: expected an http(s) URL`);
  const distribution = values['distribution-id'];
  if (distribution !== undefined && !/^[A-Z0-9]+$/.test(distribution))
    usage(`--distribution-id ${distribution}: expected a CloudFront distribution id`);
  const target: AwsTarget = {
    dist,
    bucket,
    reupload: values.reupload,
    ...(endpoint === undefined ? {} : { endpointUrl: endpoint }),
    ...(distribution === undefined ? {} : { distributionId: distribution }),
  };
  console.log(awsScript(commands, target).join('\n'));
} else if (values.json) {
  console.log(
    JSON.stringify(
      paths.map((path) => ({ path, ...headersFor(path) })),
      null,
      1,
    ),
  );
} else {
  for (const path of paths) {
    const h = headersFor(path);
    console.log([path, h.contentType, h.cacheControl, h.contentDisposition ?? ''].join('\t'));
  }
}
