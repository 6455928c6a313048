/**
 * Stops an HTTP server the graceful way: no new connections, idle keep-alive
 * ones closed at once (Node does that in `close()`), requests in flight
 * answered. Connections still busy after `graceMs` are cut, so a stuck
 * client cannot hold the shutdown past what the orchestrator waits.
 */
import type http from 'node:http';

export function closeServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    cut.unref();
    // A keep-alive connection that just finished its request is idle now: close it too.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    idle.unref();
    server.close(() => {
      clearTimeout(cut);
      clearInterval(idle);
      resolve();
    });
  });
}
