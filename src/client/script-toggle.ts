import { tableConverter, type TraditionalTable } from '../lib/traditional-table.ts';
import type { MetaRow } from '../lib/search/format.ts';
import { decodeMeta } from '../lib/search/meta.ts';

/** Where the reader's choice of script is kept, across pages and visits. */
const storageKey = 'archive-script';
/** Attributes whose text a reader sees or hears. */
const attributes = ['aria-label', 'title', 'placeholder', 'alt'];

function remembered(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'hant';
  } catch {
    return false;
  }
}

function remember(hant: boolean): void {
  try {
    localStorage.setItem(storageKey, hant ? 'hant' : 'hans');
  } catch (error) {
    console.warn('[report] could not remember the script choice', error);
  }
}

/** Where the page's Traditional table is: its report's metadata file and row, and the table pack the row locates it in. */
interface TableAt {
  meta: string;
  row: number;
  pack: string;
  slug: string;
}

/**
 * The page's Traditional table: the report's metadata row says where it lies in its table pack
 * (see src/lib/search/format.ts). Two small requests, a few KB.
 */
async function loadTable(at: TableAt): Promise<TraditionalTable> {
  // The reader (and its inflater) load on first use, so a page nobody switches does not carry them.
  const { fetchJson, fetchPacked } = await import('../lib/search/reader.ts');
  const row = ((await fetchJson(at.meta)) as MetaRow[])[at.row];
  const meta = row && decodeMeta(row);
  if (meta?.slug !== at.slug) throw new Error(`row ${at.row} of ${at.meta} is not ${at.slug}`);
  const [offset, length] = meta.table;
  return (await fetchPacked(at.pack, { offset, length })) as TraditionalTable;
}

/**
 * The 简/繁 switch of a report page: fetches the page's Traditional table (`loadTable`, a few
 * KB) on first use and converts every text on the page (title, metadata, table of
 * contents, body, the interface's own words), keeping the originals to switch back. The choice
 * is remembered, so the next page opens in the same script.
 */
export function setupScriptToggle(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-script-toggle]');
  const status = document.querySelector<HTMLElement>('[data-script-status]');
  const { meta, row, pack, slug } = toggle?.dataset ?? {};
  if (!toggle || !meta || !row || !pack || !slug) return;
  const at: TableAt = { meta, row: Number(row), pack, slug };
  toggle.hidden = false;
  let converter: Promise<(text: string) => string> | null = null;
  const texts = new Map<Text, string>();
  const attrs = new Map<Element, [string, string][]>();
  let title = document.title;
  let hant = false;

  const convertPage = (convert: (text: string) => string) => {
    title = document.title;
    document.title = convert(title);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('script, style, [data-no-convert]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      texts.set(text, text.data);
      text.data = convert(text.data);
    }
    for (const element of document.body.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
      const saved: [string, string][] = [];
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        saved.push([name, value]);
        element.setAttribute(name, convert(value));
      }
      attrs.set(element, saved);
    }
  };
  const restorePage = () => {
    document.title = title;
    for (const [node, value] of texts) node.data = value;
    for (const [element, saved] of attrs) for (const [name, value] of saved) element.setAttribute(name, value);
    texts.clear();
    attrs.clear();
  };
  const show = (on: boolean) => {
    hant = on;
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = on ? '简体' : '繁體';
    document.documentElement.lang = on ? 'zh-Hant' : 'zh-CN';
  };
  const switchTo = async (on: boolean) => {
    if (on === hant) return;
    if (!on) {
      restorePage();
      show(false);
      return;
    }
    toggle.disabled = true;
    toggle.setAttribute('aria-busy', 'true');
    if (status) status.textContent = '正在加载繁体文本…';
    try {
      converter ??= loadTable(at).then(tableConverter);
      convertPage(await converter);
      show(true);
      if (status) status.textContent = '';
    } catch (error) {
      converter = null;
      console.warn('[report] Traditional table failed to load', error);
      if (status) status.textContent = '繁体文本加载失败，请稍后再试。';
    } finally {
      toggle.disabled = false;
      toggle.removeAttribute('aria-busy');
    }
  };
  toggle.addEventListener('click', () => {
    const on = !hant;
    remember(on);
    void switchTo(on);
  });
  if (remembered()) void switchTo(true);
}
