/**
 * One policy opened: its criteria as a tree with the founder's value against
 * each threshold (the API's outline), the benefit, the window, how to apply,
 * the sources and the date the information was verified.
 */
import type { OutlineNode, PolicyDetail } from './api.js';
import { h, type Child } from './dom.js';

const MARKS = { met: ['✓', '满足'], not_met: ['✗', '不满足'], unknown: ['?', '未知'] } as const;

function mark(status: OutlineNode['status']): HTMLElement {
  const [symbol, words] = MARKS[status];
  return h(
    'span',
    { class: 'mark' },
    h('span', { 'aria-hidden': 'true' }, symbol),
    h('span', { class: 'visually-hidden' }, words),
  );
}

function treeItem(node: OutlineNode): HTMLElement {
  if (!node.group) return h('li', { class: node.status }, mark(node.status), node.explanation ?? '');
  const heading = node.label ?? (node.mode === 'any' ? '满足其一' : '全部满足');
  const suffix = node.label && node.mode === 'any' ? '（满足其一）' : '';
  return h(
    'li',
    { class: node.status },
    mark(node.status),
    heading + suffix,
    h('ul', {}, (node.parts ?? []).map(treeItem)),
  );
}

function windowLines(detail: PolicyDetail): string[] {
  if (detail.windows.length === 0) return ['申报时间以主管部门当年通知为准'];
  return detail.windows.map((w) => {
    if (w.rolling) return `常年受理${w.note ? `（${w.note}）` : ''}`;
    const dates = [w.opens ? `${w.opens} 起` : '', w.closes ? `${w.closes} 截止` : ''].filter(Boolean).join('，');
    return [dates, w.note].filter(Boolean).join('；');
  });
}

const list = (items: string[]) =>
  h(
    'ul',
    {},
    items.map((item) => h('li', {}, item)),
  );

export function renderPolicyDetail(detail: PolicyDetail): Child[] {
  const apply = detail.how_to_apply;
  const root = detail.result?.outline;
  return [
    h('p', {}, detail.summary),
    h('h4', {}, '条件'),
    root ? h('ul', { class: 'tree' }, root.group ? (root.parts ?? []).map(treeItem) : [treeItem(root)]) : null,
    detail.result?.to_check.length ? h('p', {}, '还需自行核实：') : null,
    detail.result?.to_check.length ? list(detail.result.to_check) : null,
    h('h4', {}, '能得到什么'),
    h('p', {}, detail.benefit.description),
    detail.benefit.notes ? h('p', { class: 'meta' }, detail.benefit.notes) : null,
    h('h4', {}, '申报时间'),
    list(windowLines(detail)),
    h('h4', {}, '怎么申请'),
    apply.automatic && apply.summary
      ? h('p', {}, apply.summary)
      : h(
          'ol',
          {},
          apply.steps.map((s) => h('li', {}, s)),
        ),
    apply.materials.length ? h('p', {}, `材料：${apply.materials.join('、')}`) : null,
    apply.url
      ? h('p', {}, h('a', { href: apply.url, rel: 'noopener noreferrer', target: '_blank' }, '申报入口'))
      : null,
    detail.caveats.length ? h('h4', {}, '注意') : null,
    detail.caveats.length ? list(detail.caveats) : null,
    h('h4', {}, '来源'),
    h(
      'ul',
      {},
      // The same document may be cited for several facts: listed once.
      [...new Map(detail.sources.map((s) => [[s.title, s.number].filter(Boolean).join(' '), s.url])).entries()].map(
        ([text, url]) =>
          h('li', {}, url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text) : text),
      ),
    ),
    h('p', { class: 'meta' }, `信息核实于 ${detail.verified_at} · ${detail.authority}`),
  ];
}
