import type { SearchManifest } from '../lib/search-build.ts';
import { kindLabel } from '../lib/labels.ts';
import { filesSource, searchFiles } from '../lib/search-files.ts';
import { facetCounts, runSearch, withSnippet, type Facets, type SearchFilters, type SearchHit, type SearchResult, type SearchSource } from '../lib/search-query.ts';

/**
 * The search page: loads the index manifest with the page, searches as you type (after IME composition
 * ends, debounced), drops stale answers, keeps its state in the URL, and renders results from
 * text nodes only. Logs `[search] …` and never throws into the page.
 */
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const results = document.querySelector<HTMLOListElement>('[data-search-results]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const filterBox = document.querySelector<HTMLFieldSetElement>('[data-search-filters]');
const selects = [...document.querySelectorAll<HTMLSelectElement>('[data-filter]')];
const moreButton = document.querySelector<HTMLButtonElement>('[data-search-more]');
/** Results shown per step: the first query fetches only these reports' texts for snippets. */
const pageSize = 10;
let shown = pageSize;

const json = async <T>(path: string): Promise<T> => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

let source: Promise<SearchSource> | null = null;
function load(): Promise<SearchSource> {
  source ??= (async (): Promise<SearchSource> => {
    const seen = new Map<string, Promise<unknown>>();
    const read = (path: string) => {
      let p = seen.get(path);
      if (!p) {
        p = json<unknown>(`/search/${path}`);
        // A failed fetch is forgotten, so the next query asks again.
        p.catch(() => seen.delete(path));
        seen.set(path, p);
      }
      return p;
    };
    const [manifest, t2s] = await Promise.all([read(searchFiles.manifest), read(searchFiles.pairs)]);
    return filesSource(manifest as SearchManifest, (t2s as { pairs: string }).pairs, read);
  })().catch((error: unknown) => {
    // A failed load is retried by the next search rather than remembered.
    source = null;
    throw error;
  });
  return source;
}

function readState(): { q: string; filters: SearchFilters } {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    filters: { province: params.get('province') ?? '', city: params.get('city') ?? '', year: params.get('year') ?? '', kind: params.get('kind') ?? '' },
  };
}

function currentFilters(): SearchFilters {
  const value = (name: string) => selects.find((s) => s.name === name)?.value ?? '';
  return { province: value('province'), city: value('city'), year: value('year'), kind: value('kind') };
}

function writeState(q: string, filters: SearchFilters, push: boolean): void {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [k, v] of Object.entries(filters) as [string, string][]) if (v) params.set(k, v);
  const url = `${location.pathname}${params.size ? `?${params.toString()}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function renderFacets(result: SearchResult, facets: Facets, filters: SearchFilters): void {
  if (filterBox) filterBox.hidden = result.total === 0 && !Object.values(filters).some(Boolean);
  for (const select of selects) {
    const key = select.name as keyof SearchFilters;
    const chosen = filters[key];
    const options = facets[key];
    select.replaceChildren(new Option('全部', ''));
    for (const [value, count] of options) {
      const label = key === 'kind' ? kindLabel(value) : key === 'year' ? `${value}年` : value;
      select.append(new Option(`${label}（${count}）`, value, false, value === chosen));
    }
    if (chosen && !options.some(([v]) => v === chosen)) select.append(new Option(`${chosen}（0）`, chosen, false, true));
  }
}

function snippetParagraph(hit: SearchHit): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'snippet';
  for (const part of hit.snippet) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      paragraph.append(mark);
    } else {
      paragraph.append(document.createTextNode(part.text));
    }
  }
  return paragraph;
}

function hitItem(hit: SearchHit): HTMLLIElement {
  const [slug, title, region, , , years, kind] = hit.meta;
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = `/reports/${slug}/${hit.anchor ? `#${hit.anchor}` : ''}`;
  link.textContent = title;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${region} · ${years.join('、')}年 · ${kindLabel(kind)}`;
  li.append(link, meta, snippetParagraph(hit));
  return li;
}

function renderResults(result: SearchResult): HTMLLIElement[] {
  const items = result.hits.map(hitItem);
  results?.replaceChildren(...items);
  if (statusLine) {
    statusLine.textContent = result.query
      ? result.total === 0
        ? `没有找到包含“${result.query}”的报告。`
        : `找到 ${result.exact ? '' : '至多 '}${result.total} 篇包含“${result.query}”的报告${result.total > result.hits.length ? `，显示前 ${result.hits.length} 篇` : ''}。`
      : '';
  }
  return items;
}

let latest = 0;
async function search(push: boolean): Promise<void> {
  if (!input) return;
  const id = ++latest;
  const q = input.value.trim();
  const filters = currentFilters();
  writeState(q, filters, push);
  try {
    const index = await load();
    const result = await runSearch(index, q, filters, { limit: shown, snippets: false, facets: false });
    if (id !== latest) return;
    const items = renderResults(result);
    if (moreButton) moreButton.hidden = result.hits.length >= result.total;
    // Results show at once; each snippet fills in as its report's text arrives, and the filter
    // counts as the candidates' filter values do.
    await Promise.all([
      ...result.hits.map(async (hit, i) => {
        const full = await withSnippet(index, hit, result.query);
        if (id === latest) items[i]?.replaceWith(hitItem(full));
      }),
      facetCounts(index, result, filters).then((facets) => {
        if (id === latest) renderFacets(result, facets, filters);
      }),
    ]);
  } catch (error) {
    console.error('[search] query failed', error);
    if (statusLine && id === latest) statusLine.textContent = '搜索暂时不可用，请改用地区或年份浏览。';
  }
}

function restore(): void {
  const state = readState();
  if (input) input.value = state.q;
  for (const select of selects) {
    const v = state.filters[select.name as keyof SearchFilters];
    if (v && ![...select.options].some((o) => o.value === v)) select.append(new Option(v, v));
    select.value = v;
  }
  if (state.q) void search(false);
  else renderResults({ query: '', total: 0, exact: true, hits: [], facets: null, pool: [] });
}

if (form && input && results) {
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    shown = pageSize;
    clearTimeout(timer);
    timer = setTimeout(() => void search(false), 180);
  };
  // The manifest and the Traditional table (about 15 KB gzipped, whatever the archive's size)
  // load with the page, so the first query waits only for its own shards.
  void load().catch((e: unknown) => {
    console.error('[search] index failed to load', e);
  });
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', () => {
    if (!composing) schedule();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void search(true);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(true);
  });
  for (const select of selects) {
    select.addEventListener('change', () => {
      shown = pageSize;
      void search(true);
    });
  }
  moreButton?.addEventListener('click', () => {
    shown += pageSize;
    void search(false);
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener('popstate', restore);
  if (filterBox) filterBox.hidden = false;
  restore();
}
