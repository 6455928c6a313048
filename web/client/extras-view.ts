/**
 * What the results page shows besides the verdicts: the qualification ladder
 * (科小 → 高企 → 专精特新 → 小巨人, as the API orders it) drawn as steps,
 * the incubators that fit with their reasons, the deadlines as a calendar
 * file, and the share link.
 */
import type { Incubator, Ladder, Rung } from './api.js';
import { h, titledCard } from './dom.js';

const RUNG_STATES: Record<Rung['state'], string> = {
  held: '已获得',
  eligible: '符合条件',
  maybe: '可能符合',
  not_eligible: '暂不符合',
  unavailable: '暂不适用',
};

export function renderLadder(ladder: Ladder): HTMLElement {
  const next = ladder.next;
  return titledCard(
    'ladder-title',
    '资质阶梯',
    '',
    h(
      'ol',
      { class: 'ladder' },
      ladder.rungs.map((rung, index) =>
        h(
          'li',
          { class: `rung ${rung.state}${next?.policy === rung.policy ? ' next' : ''}`, 'data-policy': rung.policy },
          `第 ${index + 1} 级\u3000${rung.title}：${RUNG_STATES[rung.state]}`,
          next?.policy === rung.policy ? '（下一步）' : '',
        ),
      ),
    ),
    next?.near_miss?.length
      ? h('p', { class: 'fix' }, `下一步：${next.near_miss.map((m) => m.explanation).join('；')}`)
      : null,
  );
}

export function renderIncubators(incubators: Incubator[]): HTMLElement | null {
  if (incubators.length === 0) return null;
  return titledCard(
    'incubators-title',
    '适合你的孵化器',
    '',
    h(
      'ul',
      { class: 'verdicts' },
      incubators
        .slice(0, 5)
        .map((incubator) =>
          h(
            'li',
            { class: 'incubator', 'data-incubator': incubator.id },
            h('h3', {}, incubator.name),
            h('p', { class: 'meta' }, [incubator.level, incubator.address].filter(Boolean).join(' · ')),
            incubator.reasons?.length ? h('p', {}, `适合的原因：${incubator.reasons.join('；')}`) : null,
          ),
        ),
    ),
  );
}

export function renderCalendarLink(url: string): HTMLElement {
  return titledCard(
    'calendar-title',
    '别错过截止日期',
    '',
    h('p', {}, '把符合或可能符合的政策的申报截止日期加入手机日历（提前 7 天提醒），无需登录。'),
    h('a', { class: 'button', id: 'calendar', href: url, download: 'deadlines.ics' }, '下载截止日期日历（.ics）'),
  );
}

/** A share link the founder can copy; the answers travel in its fragment only. */
export function renderShare(url: string): HTMLElement {
  const status = h('p', { class: 'meta', role: 'status' });
  const field = h('input', { id: 'share-url', type: 'text', readonly: true, value: url });
  const copy = async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = '链接已复制，发给合伙人或顾问即可看到同样的结果。';
    } catch {
      status.textContent = '请长按上面的链接复制。';
    }
  };
  return titledCard(
    'share-title',
    '分享结果',
    'share',
    h('label', { for: 'share-url' }, '分享链接（回答只在链接里，不经过服务器记录）'),
    field,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'copy-share', onclick: () => void copy() }, '复制链接'),
    ),
    status,
  );
}
