/**
 * An open-loop load: requests sent at a steady rate, each on time whatever
 * the server is doing, so latency is measured at that load rather than at the
 * most the server can take. autocannon's `overallRate` is not that: each
 * connection sends its share of a second's requests at once when the second
 * starts, so 500 RPS arrives as a burst of 500 and the p99 is the time to
 * clear the burst.
 *
 * Latency counts from when a request was due (not when a socket was free), so
 * a stalled server shows as the wait it causes (no coordinated omission).
 */
import http from 'node:http';

export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The next request's body (called once per request, in order). */
  body: () => string;
}

export interface PacedResult {
  sent: number;
  failures: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function send(agent: http.Agent, base: URL, request: PacedRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const body = request.body();
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode !== undefined && res.statusCode < 400));
      },
    );
    req.once('error', () => resolve(false));
    req.end(body);
  });
}

/** `rate` requests per second for `seconds`, over at most `sockets` keep-alive connections. */
export async function pacedLoad(
  url: string,
  request: PacedRequest,
  rate: number,
  seconds: number,
  sockets = 50,
): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const base = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let failures = 0;
  const start = performance.now();
  for (let n = 0; n < total; n += 1) {
    const due = start + (n * 1000) / rate;
    // Never early (a reply could then seem to come before it was due); a late timer's backlog goes at once.
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(agent, base, request).then((ok) => {
        if (ok) latencies.push(performance.now() - due);
        else failures += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent: total, failures, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
