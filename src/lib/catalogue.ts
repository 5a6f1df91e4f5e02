import { kindLabel, regionLabel, regionNames } from './labels.ts';
import type { Report } from './report-schema.ts';
import { placeSlug } from './slug.ts';

export { kindLabel, regionLabel, regionNames };

/** A report as the site sees it: its slug and validated frontmatter. */
export interface Entry {
  id: string;
  data: Report;
}

/** Every year a report reviews or plans, ascending. */
export function yearsOf(r: Report): number[] {
  return [...new Set([...r.yearsReviewed, ...r.yearsPlanned])].sort((a, b) => a - b);
}

/** The year a report is filed under: the last year it reviews, else the first it plans. */
export function primaryYear(r: Pick<Report, 'yearsReviewed' | 'yearsPlanned'>): number | null {
  return r.yearsReviewed.at(-1) ?? r.yearsPlanned[0] ?? null;
}

/** How a report's years read: 2021年总结 · 2022年计划. */
export function yearsLabel(r: Report): string {
  const parts = [];
  if (r.yearsReviewed.length) parts.push(`${r.yearsReviewed.join('、')}年总结`);
  if (r.yearsPlanned.length) parts.push(`${r.yearsPlanned.join('、')}年计划`);
  return parts.join(' · ') || '年份不详';
}

/** URL path of a region page (or one of its ancestors, given fewer names). */
export function regionHref(names: string[]): string {
  return names.length ? `/regions/${names.map(placeSlug).join('/')}/` : '/regions/unknown/';
}

/** Newest first: by filing year, then posted date, then title, so the order is total. */
export function byNewest(a: Entry, b: Entry): number {
  return (
    (primaryYear(b.data) ?? 0) - (primaryYear(a.data) ?? 0) ||
    (b.data.posted ?? '').localeCompare(a.data.posted ?? '') ||
    a.data.title.localeCompare(b.data.title, 'zh-Hans-CN') ||
    a.id.localeCompare(b.id)
  );
}

/** One node of the region tree: a province, city or county and the reports filed under it. */
export interface RegionNode {
  names: string[];
  name: string;
  href: string;
  reports: Entry[];
  children: RegionNode[];
}

/** Builds province → city → county from the reports; each node lists every report beneath it. */
export function regionTree(entries: Entry[]): RegionNode[] {
  const roots: RegionNode[] = [];
  const find = (list: RegionNode[], names: string[]): RegionNode => {
    const name = names.at(-1)!;
    let node = list.find((n) => n.name === name);
    if (!node) {
      node = { names, name, href: regionHref(names), reports: [], children: [] };
      list.push(node);
    }
    return node;
  };
  for (const entry of entries) {
    const names = regionNames(entry.data.region);
    let level = roots;
    for (let i = 1; i <= names.length; i++) {
      const node = find(level, names.slice(0, i));
      node.reports.push(entry);
      level = node.children;
    }
  }
  const sort = (nodes: RegionNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const n of nodes) {
      n.reports.sort(byNewest);
      sort(n.children);
    }
  };
  sort(roots);
  return roots;
}

/** Every node of the tree, depth first. */
export function flattenTree(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** A citation in GB/T 7714-2015 form for an online document; `accessed` is the reader's date. */
export function citation(r: Report, url: string, accessed: string): string {
  const author = r.issuer ?? '佚名';
  const date = r.issued ?? r.posted;
  return `${author}. ${r.title}[EB/OL]. ${date ? `(${date})` : ''}[${accessed}]. ${url}.`;
}
