/**
 * The founder-facing page at `/` (issue #20): an HTML shell, one stylesheet
 * and the client modules, all from this process, over the public API. The
 * answers never travel in the page's own URL: they stay in the browser
 * (localStorage) and in a share link's fragment, which browsers do not send.
 */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { writeScript } from '../bot/chinese-script';
import { parseOrThrow } from '../api/route';
import { clientScripts, type ClientScripts } from './client-scripts';
import { PAGE_CSS } from './page-css';
import { pageHtml } from './page-html';

/**
 * Stricter than helmet's default, which allows inline styles: nothing inline
 * at all, and only this origin for scripts, styles, data and forms.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The page's own files: static, cheap, and a dozen per visit. The per-IP rate
 * limit leaves them out, or a few founders behind one carrier NAT reloading the
 * page would use up the minute's allowance before asking a single question.
 */
export function isPageAsset(path: string): boolean {
  return path === '/' || path === '/web/app.css' || path.startsWith('/web/js/');
}

/** The page's text, converted by the server: the opencc dictionaries (~1 MB) stay out of the browser. */
const traditionalRequest = z.strictObject({ texts: z.array(z.string().max(2000)).max(500) });

function send(ctx: Context, type: string, body: string, cache: string): void {
  ctx.type = type;
  ctx.set('Cache-Control', cache);
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.body = body;
}

export function webPageRoutes(router: Router, scripts: ClientScripts = clientScripts()): void {
  const html = pageHtml(scripts.names());
  router.get('/', (ctx) => send(ctx, 'text/html; charset=utf-8', html, 'no-cache'));
  router.get('/web/app.css', (ctx) => send(ctx, 'text/css; charset=utf-8', PAGE_CSS, 'public, max-age=300'));
  router.get('/web/js/:file', (ctx, next) => {
    const match = /^([a-z][a-z0-9-]*)\.js$/.exec(ctx.params.file ?? '');
    const code = match ? scripts.read(match[1]!) : null;
    if (code === null) return next();
    send(ctx, 'text/javascript; charset=utf-8', code, 'public, max-age=300');
  });
  router.post('/web/traditional', (ctx) => {
    const { texts } = parseOrThrow(traditionalRequest, ctx.state.body, 'body');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { texts: texts.map((text) => writeScript(text, 'tw')) };
  });
}
