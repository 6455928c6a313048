import type { BundleItem, DeliveryBundle } from '../../reminders/channel';
import { addDays, daysBetween, isQuiet, nextSendingDay, outsideQuietHours } from '../../reminders/calendar';
import { reminderText } from '../../reminders/messages';
import { shanghai } from './support/reminder-fixtures';

const item = (overrides: Partial<BundleItem> = {}): BundleItem => ({
  deliveryId: 1,
  kind: 'reminder',
  policyId: 'sh.voucher',
  policyTitle: '上海市科技创新券',
  windowKey: 'voucher:2026',
  closesOn: '2026-06-19',
  daysLeft: 30,
  materials: ['营业执照', '服务合同'],
  link: 'https://example.gov.cn/voucher',
  ...overrides,
});
const bundle = (items: BundleItem[]): DeliveryBundle => ({ founderId: 'f', channel: 'wechat', recipient: 'c', items });

describe('reminder messages', () => {
  it('name the policy, the deadline, the days left, what to prepare, a link and how to unsubscribe', () => {
    const text = reminderText(bundle([item()]));
    for (const part of [
      '「上海市科技创新券」',
      '截止日期：2026年6月19日',
      '还剩 30 天',
      '需要准备：营业执照、服务合同',
      'https://example.gov.cn/voucher',
      '回复「退订」',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('number several reminders in one message', () => {
    const text = reminderText(
      bundle([item({ daysLeft: 1, closesOn: '2026-05-21' }), item({ policyTitle: '高新技术企业认定', daysLeft: 7 })]),
    );
    expect(text).toContain('您关注的 2 项政策即将截止申报');
    expect(text).toContain('1. 「上海市科技创新券」');
    expect(text).toContain('明天截止，还剩 1 天');
    expect(text).toContain('2. 「高新技术企业认定」');
    expect(text.match(/回复「退订」/g)).toHaveLength(1);
  });

  it('ask after a deadline whether the founder applied, with the words the bot understands', () => {
    const text = reminderText(bundle([item({ kind: 'follow_up', daysLeft: -7 })]));
    expect(text).toContain('「上海市科技创新券」已于 2026年6月19日 截止申报，您提交申请了吗？');
    expect(text).toContain('「已申请」或「未申请」');
    expect(text).toContain('回复「退订」');
  });

  it('shorten long lists of materials and say when there is none', () => {
    expect(reminderText(bundle([item({ materials: ['一', '二', '三', '四', '五', '六', '七'] })]))).toContain(
      '需要准备：一、二、三、四、五 等 7 项',
    );
    expect(reminderText(bundle([item({ materials: [] })]))).toContain('需要准备：请以官方通知为准');
  });
});

describe('Shanghai calendar and quiet hours', () => {
  const quiet = { start: '22:00', end: '08:00' };

  it('add days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-02', '2027-01-01')).toBe(30);
  });

  it('treat 22:00–07:59 Shanghai time as quiet, whatever the UTC date', () => {
    expect(isQuiet(shanghai('2026-05-20T21:59'), quiet)).toBe(false);
    expect(isQuiet(shanghai('2026-05-20T22:00'), quiet)).toBe(true);
    expect(isQuiet(shanghai('2026-05-21T07:59'), quiet)).toBe(true);
    expect(isQuiet(shanghai('2026-05-21T08:00'), quiet)).toBe(false);
    expect(isQuiet(shanghai('2026-05-20T13:30'), { start: '13:00', end: '14:00' })).toBe(true);
    expect(isQuiet(shanghai('2026-05-20T23:00'), { start: '00:00', end: '00:00' })).toBe(false);
  });

  it('move a send out of quiet hours to 08:00 the same or the next morning', () => {
    expect(outsideQuietHours(shanghai('2026-12-31T23:30'), quiet)).toEqual(shanghai('2027-01-01T08:00'));
    expect(outsideQuietHours(shanghai('2026-05-21T03:00'), quiet)).toEqual(shanghai('2026-05-21T08:00'));
    expect(outsideQuietHours(shanghai('2026-05-21T10:00'), quiet)).toEqual(shanghai('2026-05-21T10:00'));
    expect(nextSendingDay(shanghai('2026-02-28T09:00'), quiet)).toEqual(shanghai('2026-03-01T08:00'));
  });
});
