import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';

const summary = 'tests/fixtures/site/mazhang-2022-summary.txt';
const slug = '2022-guangdong-zhanjiang-mazhang-summary';

/** A raw folder with the 麻章 2022 summary, normalized once with a slug registry; returns its paths and how to run again. */
function published(): { raw: string; out: string; registry: string; run: () => ReturnType<typeof normalizeBatch> } {
  const root = mkdtempSync(join(tmpdir(), 'slugs-'));
  const raw = join(root, 'raw');
  const out = join(root, 'reports');
  const registry = join(root, 'slugs.json');
  mkdirSync(raw);
  copyFileSync(summary, join(raw, 'mazhang.txt'));
  const run = () => normalizeBatch(raw, out, registry);
  run();
  return { raw, out, registry, run };
}

/** Another report of the same year, region and kind, in a file whose name sorts first. */
function addEarlierTwin(raw: string): void {
  writeFileSync(join(raw, '000-first.txt'), `${readFileSync(summary, 'utf8')}\n另据统计，全区新建校舍十二所。\n`);
}

const slugs = (out: string) =>
  readdirSync(out)
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.slice(0, -3))
    .sort();

describe('report slugs', () => {
  it('keep a published report at its URL when a raw file that sorts first wants the same slug', () => {
    const { raw, out, run } = published();
    expect(slugs(out)).toEqual([slug]);
    addEarlierTwin(raw);
    const result = run();
    const of = (file: string) => result.outcomes.find((o) => o.file === file);
    expect(of('mazhang.txt')).toMatchObject({ ok: true, slug });
    const twin = of('000-first.txt');
    expect(twin?.ok && twin.slug).toMatch(new RegExp(`^${slug}-[0-9a-f]{6}$`));
  });

  it('keep a report at its URL when its raw file is renamed', () => {
    const { raw, run } = published();
    renameSync(join(raw, 'mazhang.txt'), join(raw, 'zz-renamed.txt'));
    addEarlierTwin(raw);
    expect(run().outcomes.find((o) => o.file === 'zz-renamed.txt')).toMatchObject({ slug });
  });

  it('never give a removed report’s URL to another report', () => {
    const { raw, out, run } = published();
    rmSync(join(raw, 'mazhang.txt'));
    addEarlierTwin(raw);
    run();
    expect(slugs(out)).toEqual([expect.stringMatching(new RegExp(`^${slug}-[0-9a-f]{6}$`))]);
  });

  it('are taken from the report files already there when there is no registry', () => {
    const { raw, out, registry } = published();
    const entries = Object.entries(JSON.parse(readFileSync(registry, 'utf8')) as Record<string, { file: string; sha256: string }>);
    expect(entries.map(([s, o]) => [s, o.file])).toEqual([[slug, 'mazhang.txt']]);
    expect(entries[0]![1].sha256).toMatch(/^[0-9a-f]{64}$/);
    rmSync(registry);
    addEarlierTwin(raw);
    expect(normalizeBatch(raw, out).outcomes.find((o) => o.file === 'mazhang.txt')).toMatchObject({ slug });
    expect(normalizeBatch(raw, out, registry).outcomes.find((o) => o.file === 'mazhang.txt')).toMatchObject({ slug });
  });
});
