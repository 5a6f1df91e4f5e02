import { join } from 'node:path';
import { decodeBytes } from '../../src/lib/decode-bytes.ts';
import { htmlToText, looksLikeHtml } from './html-to-text.ts';
import { normalizeWhitespace, toLines } from './raw-lines.ts';
import { numbered } from './numbering.ts';
import { readRawFile } from './read-raw-file.ts';
import { readSourceInfo } from './read-source-info.ts';

/** Whether a line could be a site's template line: short, not numbered, not a sentence. */
function templateShaped(line: string): boolean {
  return (
    line.length >= 2 && line.length <= 60 && !numbered.test(line) && !/[。；！？]/.test(line) && !(line.length > 15 && /[，,]/.test(line))
  );
}

/** The lines of one capture as the pipeline's parser yields them. */
function captureLines(path: string): string[] {
  const text = decodeBytes(readRawFile(path)).text;
  const plain = looksLikeHtml(text) ? htmlToText(text).text : text;
  return toLines(normalizeWhitespace(plain)).children.map((l) => l.value);
}

/**
 * Lines that other captures of the same site also carry, by raw file: a short line found in at
 * least two captures of one host (and in at least half of them) is that site's template — its
 * navigation, labels and footer — wherever it stands. Sites are told apart by the host of each
 * capture's `.source.json` URL; files without one are never compared.
 */
export function siteTemplates(inDir: string, names: string[]): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (const name of names) {
    let host: string | null;
    try {
      const url = readSourceInfo(join(inDir, name)).url;
      host = url ? new URL(url).host.replace(/^www\./, '') : null;
    } catch {
      host = null;
    }
    if (!host) continue;
    byHost.set(host, [...(byHost.get(host) ?? []), name]);
  }
  const out = new Map<string, string[]>();
  for (const files of byHost.values()) {
    if (files.length < 2) continue;
    const lines = new Map<string, string[]>();
    for (const name of files) {
      let unique: Set<string>;
      try {
        unique = new Set(captureLines(join(inDir, name)).filter(templateShaped));
      } catch {
        continue;
      }
      lines.set(name, [...unique]);
    }
    const seen = new Map<string, number>();
    for (const list of lines.values()) for (const line of list) seen.set(line, (seen.get(line) ?? 0) + 1);
    const shared = new Set([...seen].filter(([, n]) => n >= 2 && n * 2 >= files.length).map(([line]) => line));
    for (const [name, list] of lines) out.set(name, list.filter((l) => shared.has(l)).sort());
  }
  return out;
}
