import { kindLabel, unknownYearLabel } from '../lib/labels.ts';
import { noteLabels } from '../lib/report-notes.ts';
import type { Facets, SearchFilters } from '../lib/search/facets.ts';
import { FetchError, loadSearchIndex } from '../lib/search/reader.ts';
import { rehearseSearch } from '../lib/search/rehearse.ts';
import { everyId, facetCounts, runSearch, withSnippet, type SearchHit, type SearchSort } from '../lib/search/run.ts';
import { maxQueryLength } from '../lib/search/tokens.ts';
import { failureText, statusText } from '../lib/search/status.ts';
import { reportHref } from '../lib/urls.ts';
import { pageSize, readState, writeState, type SearchState } from './search-state.ts';

/**
 * The search page: loads the index manifest with the page, searches as you type (after IME composition
 * ends, debounced), drops stale answers, keeps its state (query, filters, sort, results shown) in
 * the URL and its scroll position in the session, and renders results from text nodes only.
 * Logs `[search] …` and never throws into the page.
 */
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const results = document.querySelector<HTMLOListElement>('[data-search-results]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const notice = document.querySelector<HTMLElement>('[data-search-notice]');
const filterBox = document.querySelector<HTMLFieldSetElement>('[data-search-filters]');
const selects = [...document.querySelectorAll<HTMLSelectElement>('[data-filter]')];
const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]');
const moreButton = document.querySelector<HTMLButtonElement>('[data-search-more]');
/** The default order's choice: by relevance for a query, newest first for a listing by filters alone, and named so. */
const defaultOrder = sortSelect?.querySelector<HTMLOptionElement>('option[value=relevance]');
let shown = pageSize;

const load = loadSearchIndex;

function currentState(): SearchState {
  const value = (name: string) => selects.find((s) => s.name === name)?.value ?? '';
  return {
    q: input?.value.trim() ?? '',
    filters: { province: value('province'), city: value('city'), year: value('year'), kind: value('kind') },
    sort: (sortSelect?.value ?? 'relevance') as SearchSort,
    shown,
  };
}

function say(text: string): void {
  if (statusLine) statusLine.textContent = text;
}

function warn(text: string): void {
  // Left alone when unchanged: every query clears it, and a write makes the browser restyle the page.
  if (!notice || notice.textContent === text) return;
  notice.textContent = text;
  notice.hidden = !text;
}

/** Marks the page busy while a search waits on the network; the spinner shows only if the wait is noticeable. */
let busyTimer: ReturnType<typeof setTimeout> | undefined;
function busy(on: boolean): void {
  clearTimeout(busyTimer);
  results?.setAttribute('aria-busy', String(on));
  if (on) {
    busyTimer = setTimeout(() => {
      statusLine?.setAttribute('data-busy', '');
      say('正在搜索…');
    }, 250);
  } else {
    statusLine?.removeAttribute('data-busy');
  }
}

function renderFacets(facets: Facets, filters: SearchFilters): void {
  if (filterBox) filterBox.hidden = false;
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

/** Fills the filter choices with every report's values, for a page with nothing searched yet: loaded on first use of a filter. */
let allFacets: Promise<void> | null = null;
function loadAllFacets(): void {
  if (hasResults) return;
  allFacets ??= load()
    .then((index) => {
      const pool = everyId(index);
      return facetCounts(index, { query: '', total: 0, exact: true, confirmed: 0, hits: [], facets: null, pool }, currentState().filters);
    })
    .then((facets) => {
      if (!hasResults) renderFacets(facets, currentState().filters);
    })
    .catch((error: unknown) => {
      allFacets = null;
      console.error('[search] filter values failed to load', error);
    });
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

function hitItem(hit: SearchHit, query: string): HTMLLIElement {
  const { slug, title, region, years, kind, posted, notes } = hit.meta;
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = reportHref(slug, { query, anchor: hit.anchor });
  link.textContent = title;
  li.append(link);
  for (const label of noteLabels(notes)) {
    const tag = document.createElement('span');
    tag.className = 'note-tag';
    tag.textContent = label;
    li.append(tag);
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  // A no-break space before each separator, so a wrapped line never starts with one.
  meta.textContent = `${region}\u00a0· ${years.length ? `${years.join('、')}年` : unknownYearLabel}\u00a0· ${kindLabel(kind)}${posted ? `\u00a0· 发布于 ${posted}` : ''}`;
  li.append(meta);
  if (hit.snippet.length) li.append(snippetParagraph(hit));
  return li;
}

/** Hits with their snippets, by query and report, so showing more results redraws the earlier ones whole. */
const filled = new Map<string, SearchHit>();

let latest = 0;
/** Whether results (and so their own filter counts) are on the page. */
let hasResults = false;
/** A scroll position to restore once the first results of a restored state are drawn. */
let pendingScroll: number | null = null;
/** Whether a search asked for a new history entry that no answer has written yet. */
let pushPending = false;

async function search(push: boolean): Promise<void> {
  if (!input) return;
  const id = ++latest;
  let q = input.value.trim();
  if (Array.from(q).length > maxQueryLength) {
    q = Array.from(q).slice(0, maxQueryLength).join('');
    input.value = q;
    warn(`关键词最长 ${maxQueryLength} 个字，已只搜索前 ${maxQueryLength} 个字。`);
  } else {
    warn('');
  }
  const state = { ...currentState(), q };
  const filtering = Object.values(state.filters).some(Boolean);
  if (defaultOrder) defaultOrder.textContent = q ? '相关度优先' : '默认（最新在前）';
  if (!q && !filtering) {
    writeState(state, push || pushPending);
    pushPending = false;
    results?.replaceChildren();
    if (moreButton) moreButton.hidden = true;
    say('输入关键词搜索全文，或选择省份、城市、年份、类型列出报告。');
    pendingScroll = null;
    hasResults = false;
    allFacets = null;
    return;
  }
  busy(true);
  // The history entry is written once the answer is in (or the search failed): writing it takes
  // the browser several milliseconds and reloads the tab's icon, which would otherwise delay every
  // request of the query. A push not yet written carries over to the search that supersedes it.
  pushPending ||= push;
  const record = () => {
    writeState(state, pushPending);
    pushPending = false;
  };
  try {
    const index = await load();
    const result = await runSearch(index, q, state.filters, { limit: shown, snippets: false, facets: false, sort: state.sort });
    if (id !== latest) return;
    busy(false);
    const key = (hit: SearchHit) => `${result.query}|${hit.id}`;
    const items = result.hits.map((hit) => hitItem(filled.get(key(hit)) ?? hit, result.query));
    results?.replaceChildren(...items);
    hasResults = true;
    say(statusText(result, filtering, state.sort));
    record();
    if (moreButton) {
      moreButton.hidden = result.hits.length >= result.total;
      moreButton.textContent = `显示更多结果（还有 ${result.total - result.hits.length} 篇）`;
    }
    const scrollTarget = pendingScroll;
    pendingScroll = null;
    if (scrollTarget !== null) window.scrollTo(0, scrollTarget);
    // Results show at once; each snippet fills in as its report's text arrives, and the filter
    // counts as the candidates' filter values do. Either failing leaves the results standing.
    const missing: string[] = [];
    await Promise.all([
      ...result.hits.map(async (hit, i) => {
        if (!result.query || filled.has(key(hit))) return;
        try {
          const full = await withSnippet(index, hit, result.query);
          filled.set(key(hit), full);
          if (id === latest) items[i]?.replaceWith((items[i] = hitItem(full, result.query)));
        } catch (error) {
          console.warn('[search] snippet failed', error);
          if (!missing.includes('摘要')) missing.push('摘要');
        }
      }),
      facetCounts(index, result, state.filters).then(
        (facets) => {
          if (id === latest) renderFacets(facets, state.filters);
        },
        (error: unknown) => {
          console.warn('[search] filter counts failed', error);
          missing.push('筛选计数');
        },
      ),
    ]);
    // Snippets change the results' heights: go back to the saved place once they are in.
    if (id === latest && scrollTarget !== null) window.scrollTo(0, scrollTarget);
    if (id === latest && missing.length) warn(`部分${missing.join('和')}未能加载，结果本身完整。`);
  } catch (error) {
    if (id !== latest) return;
    busy(false);
    record();
    console.error('[search] query failed', error);
    results?.replaceChildren();
    if (moreButton) moreButton.hidden = true;
    say(error instanceof FetchError ? failureText(error.failure, error.path) : failureText('unknown', ''));
  }
}

/** Puts the page in the state its URL holds, and searches if there is anything to search. */
function restore(): void {
  const state = readState();
  const asked = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = state.q;
  for (const select of selects) {
    const v = state.filters[select.name as keyof SearchFilters];
    if (v && ![...select.options].some((o) => o.value === v)) select.append(new Option(v, v));
    select.value = v;
  }
  if (sortSelect) sortSelect.value = state.sort;
  shown = state.shown;
  const saved = Number(sessionStorage.getItem(scrollKey()));
  pendingScroll = saved > 0 ? saved : null;
  void search(false).then(() => {
    if (Array.from(asked.trim()).length > maxQueryLength) warn(`关键词最长 ${maxQueryLength} 个字，已只搜索前 ${maxQueryLength} 个字。`);
  });
}

const scrollKey = () => `search-scroll:${location.search}`;

if (form && input && results) {
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    shown = pageSize;
    clearTimeout(timer);
    timer = setTimeout(() => void search(false), 180);
  };
  history.scrollRestoration = 'manual';
  // The manifest and the Traditional table (about 15 KB gzipped, whatever the archive's size)
  // load with the page, so the first query waits only for its own shards.
  void load().catch((e: unknown) => {
    console.error('[search] index failed to load', e);
  });
  // One made-up query in memory, so the first real one runs compiled code (see rehearse.ts).
  void rehearseSearch().catch((e: unknown) => {
    console.warn('[search] rehearsal failed', e);
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
      shown = pageSize;
      void search(true);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    shown = pageSize;
    void search(true);
  });
  for (const select of [...selects, ...(sortSelect ? [sortSelect] : [])]) {
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
  let saving = false;
  window.addEventListener(
    'scroll',
    () => {
      if (saving || pendingScroll !== null) return;
      saving = true;
      requestAnimationFrame(() => {
        saving = false;
        sessionStorage.setItem(scrollKey(), String(Math.round(window.scrollY)));
      });
    },
    { passive: true },
  );
  filterBox?.addEventListener('focusin', loadAllFacets);
  filterBox?.addEventListener('pointerdown', loadAllFacets);
  window.addEventListener('popstate', restore);
  if (filterBox) filterBox.hidden = false;
  restore();
}
