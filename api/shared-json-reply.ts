/**
 * Sends a JSON reply that may be served many times over (a memoised check):
 * from its second serving on, the bytes are gzip-compressed once and the
 * compressed copy is reused for every client that accepts gzip (wx.request
 * and browsers do). A check reply is ~21 KB of verdict text and ~6 KB
 * gzipped: a quarter of the bytes to write per request here, and to carry
 * over a phone's network.
 *
 * A reply served once is treated like one built for a single request: sent
 * as it is, compression left to the reverse proxy. Most checks with a full
 * profile are asked once, and compressing them here cost ~15 % of such a
 * request's CPU (bench:api, distinct profiles) for nothing to reuse.
 */
import { constants, gzipSync } from 'node:zlib';
import type { Context } from 'koa';

/** Below this, gzip's header and the work are not worth it. */
const MIN_COMPRESSED_BYTES = 1024;

const servedBefore = new WeakSet<Buffer>();
const gzipped = new WeakMap<Buffer, Buffer>();

/**
 * Accept-Encoding header → whether it takes gzip. Clients send a handful of
 * distinct headers, and negotiating afresh was ~3 % of a repeated check's CPU.
 */
const gzipAccepted = new Map<string, boolean>();
const MAX_REMEMBERED_HEADERS = 64;

function acceptsGzip(ctx: Context): boolean {
  const header = ctx.get('accept-encoding');
  let accepted = gzipAccepted.get(header);
  if (accepted === undefined) {
    accepted = ctx.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzipAccepted.size >= MAX_REMEMBERED_HEADERS) gzipAccepted.clear();
    gzipAccepted.set(header, accepted);
  }
  return accepted;
}

export function sendSharedJson(ctx: Context, json: Buffer): void {
  ctx.type = 'application/json';
  ctx.vary('Accept-Encoding');
  const repeated = servedBefore.has(json);
  if (!repeated) servedBefore.add(json);
  if (json.length < MIN_COMPRESSED_BYTES || !acceptsGzip(ctx)) {
    ctx.body = json;
    return;
  }
  let compressed = gzipped.get(json);
  if (compressed === undefined) {
    if (!repeated) {
      ctx.body = json;
      return;
    }
    // Fastest level: 6.3 KB here against 5.7 KB at the default, for a fraction of the CPU.
    gzipped.set(json, (compressed = gzipSync(json, { level: constants.Z_BEST_SPEED })));
  }
  ctx.set('Content-Encoding', 'gzip');
  ctx.body = compressed;
}
