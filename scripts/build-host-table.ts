/** `npm run hosts`: writes the host table (division names in pinyin → codes) from the gazetteer. */
import { writeFileSync } from 'node:fs';
import { buildHostTable } from './lib/host-table.ts';

const table = buildHostTable();
writeFileSync('scripts/data/host-regions.json', `${JSON.stringify(table, null, 0).replace(/\],"/g, '],\n"')}\n`);
console.log(`host table: ${Object.keys(table).length} labels`);
