/**
 * Sends a JSON reply that is served many times over (a memoised check): the
 * bytes are gzip-compressed once, on first demand, and the compressed copy is
 * reused for every client that accepts gzip (wx.request and browsers do).
 * A check reply is ~21 KB of verdict text and ~6 KB gzipped: a quarter of the
 * bytes to write per request here, and to carry over a phone's network.
 *
 * Replies built for one request are left alone: compressing those per
 * response costs as much as writing them, and is the reverse proxy's job.
 */
import { constants, gzipSync } from 'node:zlib';
import type { Context } from 'koa';

/** Below this, gzip's header and the work are not worth it. */
const MIN_COMPRESSED_BYTES = 1024;

const gzipped = new WeakMap<Buffer, Buffer>();

export function sendSharedJson(ctx: Context, json: Buffer): void {
  ctx.type = 'application/json';
  ctx.vary('Accept-Encoding');
  if (json.length < MIN_COMPRESSED_BYTES || ctx.acceptsEncodings('gzip', 'identity') !== 'gzip') {
    ctx.body = json;
    return;
  }
  let compressed = gzipped.get(json);
  // Fastest level: a check asked once pays for its compression too; 6.3 KB here against 5.7 KB at the default.
  if (compressed === undefined) gzipped.set(json, (compressed = gzipSync(json, { level: constants.Z_BEST_SPEED })));
  ctx.set('Content-Encoding', 'gzip');
  ctx.body = compressed;
}
