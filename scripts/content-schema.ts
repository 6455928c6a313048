/**
 * `npm run content:schema [-- <dir>]`: writes the JSON Schemas of the content
 * files to content/schema/ (or <dir>) for editors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentJsonSchemas } from '../catalogue/json-schemas';

const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'content', 'schema'));
fs.mkdirSync(outDir, { recursive: true });
for (const [file, text] of Object.entries(contentJsonSchemas())) {
  fs.writeFileSync(path.join(outDir, file), text);
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, file))}`);
}
