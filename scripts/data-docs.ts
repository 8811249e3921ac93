/**
 * Regenerates the field and column tables of DATA.md from the data schema and the CSV columns.
 * Usage: npm run data:docs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateDataDocs } from '../src/lib/open-data/docs';

const path = join(import.meta.dirname, '..', 'DATA.md');
const before = readFileSync(path, 'utf8');
const after = updateDataDocs(before);
writeFileSync(path, after);
console.log(after === before ? `${path}: already up to date` : `${path}: tables regenerated`);
