// Copies the front-end files the app serves from node_modules into wwwroot/lib.
// Plain Node, no dependencies: run with `npm run build` after `npm ci`.
// wwwroot/lib is generated output and is wiped on every run, so it never holds stale files.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const modules = join(root, 'node_modules');
const lib = join(root, 'wwwroot', 'lib');

const nhsukDist = join(modules, 'nhsuk-frontend', 'dist', 'nhsuk');
const htmxDist = join(modules, 'htmx.org', 'dist');

// [source, destination relative to wwwroot/lib, required?]
// The unversioned nhsuk-frontend.min.* names keep the layout's <link>/<script> tags stable across upgrades.
const files = [
  [join(nhsukDist, 'nhsuk-frontend.min.css'), 'nhsuk-frontend/nhsuk-frontend.min.css', true],
  [join(nhsukDist, 'nhsuk-frontend.min.css.map'), 'nhsuk-frontend/nhsuk-frontend.min.css.map', false],
  // An ES module exporting initAll: load it with <script type="module">.
  [join(nhsukDist, 'nhsuk-frontend.min.js'), 'nhsuk-frontend/nhsuk-frontend.min.js', true],
  [join(nhsukDist, 'nhsuk-frontend.min.js.map'), 'nhsuk-frontend/nhsuk-frontend.min.js.map', false],
  [join(htmxDist, 'htmx.min.js'), 'htmx/htmx.min.js', true],
];
const directories = [
  // Images (favicons, icons) and the web app manifest the CSS and layout refer to.
  [join(nhsukDist, 'assets'), 'nhsuk-frontend/assets'],
];

function fail(message) {
  console.error(`build-assets: ${message}`);
  process.exit(1);
}

if (!existsSync(modules)) {
  fail(`${relative(process.cwd(), modules) || modules} is missing: run "npm ci" first`);
}

rmSync(lib, { recursive: true, force: true });

let copied = 0;
for (const [source, target, required] of files) {
  if (!existsSync(source)) {
    if (required) fail(`missing ${source}: is the package installed?`);
    continue;
  }
  const destination = join(lib, target);
  mkdirSync(dirname(destination), { recursive: true });
  cpSync(source, destination);
  copied += 1;
}

function countFiles(dir) {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? countFiles(path) : 1);
  }, 0);
}

for (const [source, target] of directories) {
  if (!existsSync(source)) fail(`missing ${source}: is the package installed?`);
  cpSync(source, join(lib, target), { recursive: true });
  copied += countFiles(source);
}

console.log(`build-assets: copied ${copied} files into ${relative(root, lib)}`);
