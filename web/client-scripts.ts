/**
 * The page's browser code: small TypeScript modules under web/client/, served
 * as native ES modules from /web/js/<name>.js (no bundler, no framework).
 *
 * One design for both ways the service runs:
 * - production (`npm run build`): web/client/tsconfig.json compiles them into
 *   dist/web/client/*.js beside this file's own compiled copy, and they are
 *   served as they are (no TypeScript at run time: `npm ci --omit=dev`);
 * - development (`npm start` through tsx, and the tests): there is no .js
 *   beside the .ts, so each module is transpiled on first request with
 *   TypeScript's transpileModule (a devDependency, loaded only then) and kept.
 * Type errors in the client are `npm run typecheck`'s job, not the server's.
 */
import fs from 'node:fs';
import path from 'node:path';

const CLIENT_DIR = path.join(__dirname, 'client');
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

export interface ClientScripts {
  /** The module's JavaScript, or null when there is no such module. */
  read(name: string): string | null;
  /** Every module's name, for the page's preload list and the weight test. */
  names(): string[];
}

function transpile(source: string, fileName: string): string {
  // Loaded lazily: a production install has no TypeScript and never gets here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ES2020, removeComments: true },
  }).outputText;
}

export function clientScripts(directory = CLIENT_DIR): ClientScripts {
  const files = fs.existsSync(directory) ? fs.readdirSync(directory) : [];
  const compiled = files.some((file) => file.endsWith('.js'));
  const extension = compiled ? '.js' : '.ts';
  const available = files
    .filter((file) => file.endsWith(extension) && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -extension.length))
    .filter((name) => MODULE_NAME.test(name))
    .sort();
  const cache = new Map<string, string>();
  return {
    names: () => [...available],
    read(name) {
      // Only the listed modules: a request's name never reaches the file system otherwise.
      if (!available.includes(name)) return null;
      let code = cache.get(name);
      if (code === undefined) {
        const file = path.join(directory, name + extension);
        const source = fs.readFileSync(file, 'utf8');
        code = compiled ? source : transpile(source, file);
        cache.set(name, code);
      }
      return code;
    },
  };
}
