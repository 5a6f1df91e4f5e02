import { byNewest, type Entry } from './catalogue.ts';
import { placesHref, regionPlaces, type Place } from './region-path.ts';
import { assertUniquePaths } from './unique-paths.ts';

/** One node of the region tree: a province, city or county and the reports filed beneath it. */
export interface RegionNode {
  /** The places from province down to this one. */
  places: Place[];
  name: string;
  href: string;
  /** Every report of this place and the places under it, newest first. */
  reports: Entry[];
  children: RegionNode[];
}

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * Builds province → city → county from the reports' regions (see `regionPlaces`): a report is
 * listed at its own place and counted at each place above it. Throws, naming both, when two
 * places would get one URL.
 */
export function regionTree(entries: Entry[]): RegionNode[] {
  type Node = RegionNode & { index: Map<string, Node> };
  const top = new Map<string, Node>();
  for (const entry of entries) {
    const places = regionPlaces(entry.data.region);
    let level = top;
    for (let i = 0; i < places.length; i++) {
      const place = places[i]!;
      const key = place.code ?? `name:${place.name}`;
      let node = level.get(key);
      if (!node) {
        const path = places.slice(0, i + 1);
        node = { places: path, name: place.name, href: placesHref(path), reports: [], children: [], index: new Map() };
        level.set(key, node);
      }
      node.reports.push(entry);
      level = node.index;
    }
  }
  const finish = (nodes: Map<string, Node>): RegionNode[] =>
    [...nodes.values()]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ index, ...node }) => ({ ...node, reports: node.reports.sort(byNewest), children: finish(index) }));
  const tree = finish(top);
  assertUniquePaths(
    flattenTree(tree).map((n) => ({
      path: n.href,
      page: `${n.places.map((p) => p.name).join(' ')}${n.places.at(-1)?.code ? `（${n.places.at(-1)!.code}）` : ''}`,
    })),
  );
  return tree;
}

/** Every node of the tree, depth first. */
export function flattenTree(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}
