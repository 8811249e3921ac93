import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
/** Compressed on the fly, as any static host does; Pagefind's own .pf_* files are gzipped already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.csv', '.txt', '.wasm']);

/**
 * Serves a built site on loopback with gzip, so benchmarks see the bytes a reader would download.
 * `base` is the sub-path the site was built for ("/" by default). Each file is read and compressed
 * once and then served from memory, as a static host's cache or CDN does.
 */
export function serveStatic(root: string, port: number, base = '/'): Promise<Server> {
  const bodies = new Map<string, Buffer>();
  const body = (path: string, gzip: boolean) => {
    const key = `${gzip ? 'gzip' : 'identity'}:${path}`;
    let cached = bodies.get(key);
    if (!cached) bodies.set(key, (cached = gzip ? gzipSync(readFileSync(path)) : readFileSync(path)));
    return cached;
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    path = normalize(join(root, path.slice(base.length)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    const found = existsSync(path);
    if (!found) path = join(root, '404.html');
    // A folder served that is no site (Pagefind's own UI page, bench:scale) has no 404 page.
    if (!found && !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    const extension = extname(path);
    const gzip = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const content = body(path, gzip);
    response.writeHead(found ? 200 : 404, {
      'content-type': TYPES[extension] ?? 'application/octet-stream',
      'content-length': content.length,
      // As GitHub Pages sends: a file fetched again within ten minutes comes from the browser's cache.
      'cache-control': 'max-age=600',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(content);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
