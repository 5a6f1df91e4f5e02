import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** A running server: where it answers, and how to stop it. */
export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Serves a built site the way a static host does: files from disk (pre-read into sirv's
 * lookup table, with ETags), `index.html` for folders, no build-time middleware. `astro preview`
 * spends 8–30 ms per request, which would hide the search's own latency.
 */
export function serveStatic(dir: string, port: number): Promise<RunningServer> {
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

/**
 * `serveStatic` in a process of its own, as a host is: the bench holds a whole corpus's texts
 * and truths in memory (over a gigabyte at 100,000 reports), and a server in that process
 * answers late whenever its garbage collector runs.
 */
export function serveStaticApart(dir: string, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      done();
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`the static server for ${dir} exited (${code}) before listening`));
    });
    child.stdout.once('data', (line: Buffer) => {
      resolve({
        url: line.toString().trim(),
        stop: () => {
          child.kill();
          return exited;
        },
      });
    });
  });
}

// Run as a script (by `serveStaticApart`): serve the folder, print the address once listening.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  const { url } = await serveStatic(dir!, Number(port));
  console.log(url);
}
