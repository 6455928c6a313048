/**
 * The founder page's HTML shell: everything visible is drawn by the client
 * modules (web/client/), so the shell only names them. No inline script or
 * style anywhere: the page runs under a Content-Security-Policy without
 * 'unsafe-inline' (page-routes.ts).
 */

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `modules`: every client module, preloaded so the import chain costs one round trip, not one per level. */
export function pageHtml(modules: readonly string[]): string {
  const preload = modules
    .map((name) => `  <link rel="modulepreload" href="${escapeAttribute(`/web/js/${name}.js`)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="回答几个问题，看看上海的创业补贴、资质认定、落户和孵化器哪些适合你。">
  <title>创业政策向导</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/web/app.css">
${preload}
  <script type="module" src="/web/js/main.js"></script>
</head>
<body>
  <header class="top">
    <div class="top-row">
      <p class="brand">创业政策向导</p>
      <button type="button" id="script-switch" class="link-button" data-script-keep>繁體</button>
    </div>
  </header>
  <main id="app" tabindex="-1">
    <p class="status">正在加载…</p>
  </main>
  <noscript><p class="status">本页需要启用 JavaScript。</p></noscript>
  <footer class="bottom">
    <p>结论依据政府公开文件和本站整理的条件，仅供参考，申请前请以原文和主管部门为准。你的回答只保存在本机浏览器里。</p>
  </footer>
</body>
</html>
`;
}
