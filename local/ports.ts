import { createServer, type Server } from 'node:net';

/**
 * Asks the OS for a port nobody listens on. Only for programs we cannot hand port 0 to (the
 * DynamoDB Local JVM): there is a short window in which another process could take it.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('the OS did not assign a port'))));
    });
  });
}

/**
 * Whether nothing listens on `port`. Probes the wildcard address, which fails when any interface
 * has the port, since servers such as DynamoDB Local bind to all of them.
 */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** Starts listening and resolves with the bound port (the OS's choice when `port` is 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(boundPort(server));
    });
  });
}

/** The port a listening server is bound to. */
export function boundPort(server: Server): number {
  const address = server.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('server is not listening on a TCP port');
  return address.port;
}

/**
 * Stops accepting connections and drops idle keep-alive sockets (the AWS SDK keeps them open),
 * so that the port is free once this resolves instead of after the keep-alive timeout.
 */
export function close(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections?.();
  });
}

/**
 * A URL clients can reach: a wildcard address is not dialable (a server on `::` also answers on
 * 127.0.0.1), and IPv6 literals need brackets.
 */
export function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
