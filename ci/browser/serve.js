// Serves a built book on 127.0.0.1 at a free port and prints its address, e.g.
// `node serve.js book/html` -> `http://127.0.0.1:40123/`. A missing path gets the
// book's 404.html with status 404, as on a static host. `--gzip` compresses what
// the browser accepts gzipped, as a static host does (ci/browser/search-weight.js).
import http from 'node:http';
import zlib from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const gzip = process.argv.includes('--gzip');
const root = path.resolve(process.argv.slice(2).find((a) => a !== '--gzip') || '.');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon',
};

const server = http.createServer(async (req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root)) file = root; // no «..» out of the book
  if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
  try {
    const body = await readFile(file);
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      res.end(zlib.gzipSync(body, { level: 9 }));
      return;
    }
    res.writeHead(200, { 'Content-Type': type });
    res.end(body);
  } catch {
    const body = await readFile(path.join(root, '404.html')).catch(() => 'not found');
    res.writeHead(404, { 'Content-Type': TYPES['.html'] });
    res.end(body);
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
