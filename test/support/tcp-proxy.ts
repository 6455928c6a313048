/**
 * A TCP proxy on 127.0.0.1 in front of a real server (MariaDB), that a test
 * can take down and stall, to see what the service does in an outage.
 * - `kill()`: every connection is cut and new ones are refused.
 * - `stall()`: connections stay open but nothing passes either way.
 * - `restore()`: back to forwarding (on the same port).
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  kill(): Promise<void>;
  stall(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;

  const forward = (client: net.Socket) => {
    const upstream = net.connect(targetPort, targetHost);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
    if (stalled) pause(pair);
  };
  const pause = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };

  let server = net.createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const closeServer = () =>
    new Promise<void>((resolve) => {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    port,
    kill: closeServer,
    stall() {
      stalled = true;
      for (const pair of pairs) pause(pair);
    },
    async restore() {
      stalled = false;
      // Stalled connections are cut (their protocol state is lost); new ones forward.
      await closeServer();
      server = net.createServer(forward);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: closeServer,
  };
}
