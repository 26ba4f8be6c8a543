// Prints the Lighthouse figures of ci/lighthouse.sh as a table and fails unless
// this book scores 100 in accessibility, best practices and SEO (performance is
// only reported: it depends on timing), naming each failed audit.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, page] = process.argv.slice(2);
const ASSERTED = ['accessibility', 'best-practices', 'seo'];
const rows = [];
const failures = [];
for (const book of ['stock', 'book']) {
  for (const ff of ['mobile', 'desktop']) {
    const file = path.join(dir, `${book}-${ff}.json`);
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const score = (c) => Math.round(r.categories[c].score * 100);
    const requests = r.audits['network-requests'].details.items;
    rows.push([book === 'stock' ? 'stock mdBook' : 'this book', ff, score('accessibility'), score('best-practices'),
      score('seo'), score('performance'), Math.round(r.audits['total-byte-weight'].numericValue / 1024), requests.length]);
    if (book !== 'book') continue;
    for (const c of ASSERTED) {
      if (score(c) === 100) continue;
      const failed = r.categories[c].auditRefs.map((a) => r.audits[a.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${a.title})`);
      failures.push(`${file}: ${r.finalDisplayedUrl} ${ff}: ${c} expected 100, found ${score(c)}; failed audits: ${failed.join(', ')}`);
    }
  }
}
const head = ['', '', 'a11y', 'best pr.', 'SEO', 'perf', 'KB', 'requests'];
console.log(`Lighthouse ${page}`);
for (const row of [head, ...rows]) console.log(row.map((v, i) => String(v).padEnd(i < 2 ? 13 : 9)).join(''));
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
