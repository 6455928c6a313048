/**
 * The verdicts as the chat gives them, laid out for a phone: eligible first,
 * then near misses with their fix, then maybe (with what is still needed),
 * then not eligible (with the failed condition), then what is not in force.
 * Each policy opens to its full explanation (policy-view.ts), loaded on demand.
 */
import type { Summary, Verdict } from './api.js';
import { h } from './dom.js';

export interface ResultHandlers {
  /** Fills `panel` with the policy's detail. */
  open(policy: string, panel: HTMLElement): void;
}

type Group = 'eligible' | 'near' | 'maybe' | 'no' | 'off';

function groupOf(verdict: Verdict): Group {
  if (verdict.status === 'eligible') return 'eligible';
  if (verdict.status === 'not_in_force') return 'off';
  if (verdict.near_miss?.length) return 'near';
  return verdict.status === 'maybe' ? 'maybe' : 'no';
}

/** `folded`: a long list of "no"s would bury the rest on a phone; it opens with one tap. */
const GROUPS: { group: Group; heading: string; badge: string; css: string; folded?: true }[] = [
  { group: 'eligible', heading: '可以申请', badge: '符合条件', css: 'eligible' },
  { group: 'near', heading: '差一点', badge: '差一点', css: 'near' },
  { group: 'maybe', heading: '可能符合', badge: '可能符合', css: 'maybe' },
  { group: 'no', heading: '暂不符合', badge: '暂不符合', css: 'no', folded: true },
  { group: 'off', heading: '暂未生效', badge: '未生效', css: 'off', folded: true },
];

function reasonLines(verdict: Verdict, group: Group): HTMLElement[] {
  const lines: HTMLElement[] = [];
  if (group === 'near')
    for (const fix of verdict.near_miss ?? []) lines.push(h('p', { class: 'fix' }, `${fix}申请「${verdict.title}」`));
  if (verdict.missing?.length) lines.push(h('p', {}, `还需要确认：${verdict.missing.join('、')}`));
  // A maybe with nothing missing is capped by conditions only the founder can check (the API's to_check).
  else if (verdict.status === 'maybe') lines.push(h('p', {}, '已知条件都满足，还有几条需要你自行核实（点开查看）。'));
  // A near miss's fix already names what failed.
  if ((group === 'maybe' || group === 'no') && verdict.failed?.length)
    lines.push(h('p', {}, `未满足：${verdict.failed.join('、')}`));
  return lines;
}

function verdictItem(verdict: Verdict, spec: (typeof GROUPS)[number], handlers: ResultHandlers): HTMLElement {
  const panelId = `detail-${verdict.policy.replace(/[^a-z0-9-]/gi, '-')}`;
  const panel = h('div', { class: 'detail', id: panelId, hidden: true });
  const button = h(
    'button',
    { type: 'button', class: 'open link-button', 'aria-expanded': 'false', 'aria-controls': panelId },
    '查看条件和申请方式',
  );
  button.addEventListener('click', () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    if (opening && !panel.hasChildNodes()) handlers.open(verdict.policy, panel);
  });
  return h(
    'li',
    { class: `card verdict ${spec.css}`, 'data-policy': verdict.policy, 'data-status': verdict.status },
    h('span', { class: 'badge' }, spec.badge),
    h('h3', {}, verdict.title),
    h('p', {}, verdict.benefit),
    ...reasonLines(verdict, groupOf(verdict)),
    verdict.deadline ? h('p', { class: 'meta' }, `截止：${verdict.deadline}`) : null,
    button,
    panel,
  );
}

export function renderVerdicts(summary: Summary, handlers: ResultHandlers): HTMLElement[] {
  return GROUPS.flatMap((spec) => {
    const verdicts = summary.results.filter((v) => groupOf(v) === spec.group);
    if (verdicts.length === 0) return [];
    const heading = h('h2', { id: `group-${spec.css}` }, `${spec.heading}（${verdicts.length}）`);
    const list = h(
      'ul',
      { class: 'verdicts' },
      verdicts.map((v) => verdictItem(v, spec, handlers)),
    );
    return [
      h(
        'section',
        { class: `group group-${spec.css}`, 'aria-labelledby': `group-${spec.css}` },
        spec.folded ? h('details', {}, h('summary', {}, heading), list) : [heading, list],
      ),
    ];
  });
}
