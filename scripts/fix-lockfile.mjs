// Drops optional dependencies that the lockfile lists but that this machine's
// npm registry does not serve (e.g. @swc/core's macOS/Windows builds answer
// 404 here). `npm install` skips them silently, but `npm ci` then refuses the
// lockfile as "Missing: … from lock file". Run after `npm install`:
//   node scripts/fix-lockfile.mjs && npm ci --dry-run
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

function resolves(from, name) {
  // Node's lookup: the package's own node_modules, then each parent's, then the root.
  const segments = from.split('node_modules/');
  for (let depth = segments.length; depth >= 1; depth -= 1) {
    const prefix = segments.slice(0, depth).join('node_modules/');
    const candidate = `${prefix}${prefix && !prefix.endsWith('/') ? '/' : ''}node_modules/${name}`;
    if (packages[candidate]) return true;
  }
  return Boolean(packages[`node_modules/${name}`]);
}

const dropped = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(path, name)) {
      delete entry.optionalDependencies[name];
      dropped.push(`${path || '(root)'} → ${name}`);
    }
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  dropped.length
    ? `dropped ${dropped.length} unavailable optional dependencies:\n  ${dropped.join('\n  ')}`
    : 'lockfile already consistent',
);
