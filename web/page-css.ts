/**
 * The page's stylesheet, served at /web/app.css. Kept as a TypeScript string
 * so that `npm run build` carries it into dist/ with the rest of the server
 * (no copy step to forget). Mobile first: a 375 px screen is the main target;
 * colours keep a contrast of at least 4.5:1 on their backgrounds, and every
 * status is said in words too, never by colour alone.
 */
export const PAGE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; font: 16px/1.6 -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #1a1a1a; background: #f5f6f8;
}
a { color: #0b5cad; }
:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
.top { background: #0b5cad; color: #fff; padding: 10px 16px; }
.top-row { display: flex; justify-content: space-between; align-items: center; max-width: 720px; margin: 0 auto; }
.brand { margin: 0; font-weight: 700; font-size: 18px; }
.top .link-button { color: #fff; border-color: #fff; }
main { display: block; max-width: 720px; margin: 0 auto; padding: 16px; outline: none; }
.bottom { max-width: 720px; margin: 0 auto; padding: 8px 16px 32px; font-size: 13px; color: #4a4a4a; }
h1, h2, h3 { line-height: 1.35; }
h1 { font-size: 22px; margin: 8px 0 12px; }
h2 { font-size: 19px; margin: 20px 0 10px; }
h3 { font-size: 16px; margin: 0; }
.card { background: #fff; border-radius: 10px; padding: 16px; margin: 0 0 12px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.progress { font-size: 14px; color: #4a4a4a; margin: 0 0 8px; }
progress { width: 100%; height: 8px; accent-color: #0b5cad; }
.question h1 { outline: none; }
.hint, .why { font-size: 14px; color: #4a4a4a; margin: 6px 0; }
.why { border-left: 3px solid #c8d6e8; padding-left: 8px; }
.options { display: grid; gap: 8px; margin: 12px 0; }
button, .button {
  font: inherit; min-height: 44px; padding: 8px 14px; border-radius: 8px; border: 1px solid #0b5cad;
  background: #fff; color: #0b5cad; cursor: pointer; text-align: left; text-decoration: none; display: inline-block;
}
button.primary, .button.primary { background: #0b5cad; color: #fff; }
button.option { width: 100%; }
button[disabled] { opacity: .5; cursor: default; }
.link-button { min-height: 36px; padding: 4px 10px; background: transparent; }
.field { display: flex; gap: 8px; align-items: center; margin: 12px 0; }
.field input { font: inherit; flex: 1; min-width: 0; min-height: 44px; padding: 8px 10px; border: 1px solid #767676; border-radius: 8px; }
.unit { white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.error { color: #a4161a; font-weight: 600; }
.status { color: #4a4a4a; }
.verdicts { list-style: none; margin: 0; padding: 0; }
summary { cursor: pointer; min-height: 44px; }
summary h2 { display: inline; }
.verdict { border-left: 5px solid #767676; }
.verdict.eligible { border-left-color: #1b7f3b; }
.verdict.near { border-left-color: #b35c00; }
.verdict.maybe { border-left-color: #0b5cad; }
.badge { display: inline-block; font-size: 13px; font-weight: 600; padding: 0 8px; border-radius: 10px; margin-bottom: 4px; background: #ececec; color: #333; }
.eligible .badge { background: #dff3e4; color: #125c2a; }
.near .badge { background: #fdebd6; color: #7a3e00; }
.maybe .badge { background: #e1ecf8; color: #08437e; }
.verdict p { margin: 4px 0; }
.fix { font-weight: 600; color: #7a3e00; }
.meta { font-size: 14px; color: #4a4a4a; }
.open { margin-top: 8px; }
.detail { margin-top: 10px; border-top: 1px solid #e3e3e3; padding-top: 8px; font-size: 15px; }
.detail h4 { margin: 12px 0 4px; font-size: 15px; }
.tree, .tree ul { list-style: none; margin: 0; padding-left: 0; }
.tree ul { padding-left: 16px; border-left: 2px solid #e3e3e3; margin-left: 4px; }
.tree li { margin: 4px 0; }
.mark { font-weight: 700; margin-right: 4px; }
.met > .mark { color: #125c2a; }
.not_met > .mark { color: #a4161a; }
.unknown > .mark { color: #4a4a4a; }
.ladder { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.rung { background: #fff; border: 1px solid #c9c9c9; border-radius: 8px; padding: 8px 12px; }
.rung:nth-child(2) { margin-left: 12px; }
.rung:nth-child(3) { margin-left: 24px; }
.rung:nth-child(4) { margin-left: 36px; }
.rung.held { background: #dff3e4; border-color: #1b7f3b; }
.rung.eligible { border-color: #1b7f3b; border-width: 2px; }
.rung.next { box-shadow: 0 0 0 3px #fdebd6; }
.incubator { padding: 10px 0; border-top: 1px solid #e3e3e3; }
.incubator:first-child { border-top: 0; padding-top: 0; }
.incubator p { margin: 4px 0; }
.share input { font: inherit; width: 100%; min-height: 44px; padding: 8px; border: 1px solid #767676; border-radius: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
