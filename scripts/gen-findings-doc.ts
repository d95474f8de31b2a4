/** Writes docs/findings.md from the catalogue. `npm run docs:findings`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFindingsDoc } from '../src/core';

const target = join(__dirname, '..', 'docs', 'findings.md');
writeFileSync(target, renderFindingsDoc());
process.stdout.write(`wrote ${target}\n`);
