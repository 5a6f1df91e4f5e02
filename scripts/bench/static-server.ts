import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

/**
 * Serves a built site the way a static host does: files from disk (pre-read into sirv's
 * lookup table, with ETags), `index.html` for folders, no build-time middleware. `astro preview`
 * spends 8–30 ms per request, which would hide the search's own latency.
 */
export function serveStatic(dir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const handler = sirv(dir, { etag: true, dev: false });
  const server: Server = createServer((req, res) => {
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      // Stopping also drops idle keep-alive connections, which would otherwise hold `close` open until they time out.
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            server.close(() => {
              done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
