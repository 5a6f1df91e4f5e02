import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now: several checkouts run their end-to-end tests on one
 * machine, and a fixed port would send one checkout's browser to another's server.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('free-port: the system gave no port'));
      });
    });
  });
}
