// Summarises a .cpuprofile (from bench/lib/cpu-profile.mjs): the functions
// with the most self time and the most inclusive time, as shares of the
// process's busy (non-idle) samples.
//   node bench/lib/profile-summary.mjs .keyhold/profiles/gateway-123.cpuprofile [rows]
import fs from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.mjs <file.cpuprofile> [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const hits = new Map();
for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const name = (n) => {
  const f = n.callFrame;
  const where = f.url.replace(/.*node_modules\//, '').replace(/.*\/(services|packages)\//, '$1/');
  return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
let idle = 0;
for (const [id, count] of hits) {
  const node = byId.get(id);
  if (node.callFrame.functionName === '(idle)') {
    idle += count;
    continue;
  }
  self.set(name(node), (self.get(name(node)) ?? 0) + count);
  // Each function once per sample, however deep its recursion.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = name(byId.get(at));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + count);
  }
}
const busy = profile.samples.length - idle;
console.log(
  `${file}: ${profile.samples.length} samples, ${((100 * idle) / profile.samples.length).toFixed(1)}% idle`,
);
for (const [title, table] of [
  ['self', self],
  ['inclusive', inclusive],
]) {
  console.log(`-- ${title} time, % of busy samples`);
  [...table]
    .filter(([k]) => !k.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .forEach(([k, v]) => console.log(`${((100 * v) / busy).toFixed(1).padStart(5)}  ${k}`));
}
