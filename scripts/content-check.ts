/**
 * `npm run content:check [-- <dir>]`: validates content/ (every file and the
 * cross-references). Prints OK with counts, or every problem as
 * `file:path — reason` and exits 1. Content that is valid but ageing or
 * cited to a mirror is listed as warnings (catalogue/content-warnings.ts),
 * which do not fail the check.
 */
import path from 'node:path';
import { contentWarnings } from '../catalogue/content-warnings';
import { readCatalogue } from '../catalogue/read-content';
import { shanghaiDate } from '../services/clock';
import { ContentError } from '../errors';
import type { Catalogue } from '../rules/catalogue';

function summary(catalogue: Catalogue): string {
  const versions = catalogue.policies.reduce((n, p) => n + p.versions.length, 0);
  const windows = catalogue.policies.reduce((n, p) => n + p.windows.length, 0);
  const districts = new Set(catalogue.incubators.flatMap((i) => (i.district ? [i.district] : [])));
  const county = catalogue.incubators.filter((i) => i.region === 'zj-county').length;
  return [
    `${catalogue.policies.length} policies (${versions} versions, ${windows} windows)`,
    `${Object.keys(catalogue.facts).length} questions`,
    `${catalogue.incubators.length} incubators (${districts.size} Shanghai districts, ${county} in zj-county)`,
    `${catalogue.regions.length} regions`,
  ].join(', ');
}

function main(): number {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'content'));
  try {
    const { catalogue, hash } = readCatalogue(dir);
    console.log(`content OK: ${summary(catalogue)}; hash ${hash.slice(0, 12)}`);
    const warnings = contentWarnings(catalogue, shanghaiDate(new Date()));
    if (warnings.length > 0) console.log(`${warnings.length} warning(s):`);
    for (const warning of warnings) console.log(`  warning: ${warning.path} — ${warning.reason}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`content:check failed, ${error.details.length} problem(s) in ${dir}:`);
    for (const detail of error.details) console.error(`  ${detail.path} — ${detail.reason}`);
    return 1;
  }
}

process.exitCode = main();
