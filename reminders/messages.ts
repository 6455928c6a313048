/**
 * Every Chinese text the reminders send, in one place. Each message names the
 * policy, the deadline, the days left, what to prepare, a link and how to
 * unsubscribe.
 */
import type { BundleItem, DeliveryBundle } from './channel';
import { chineseDate } from './calendar';

const MAX_MATERIALS = 5;

export const UNSUBSCRIBE_HINT = '回复「退订」可停止提醒。';
export const MINIPROGRAM_UNSUBSCRIBE_HINT = '可在「我的提醒」中退订';

export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return '今天截止';
  if (daysLeft === 1) return '明天截止，还剩 1 天';
  return `还剩 ${daysLeft} 天`;
}

export function materialsText(materials: readonly string[]): string {
  if (materials.length === 0) return '请以官方通知为准';
  const shown = materials.slice(0, MAX_MATERIALS).join('、');
  return materials.length > MAX_MATERIALS ? `${shown} 等 ${materials.length} 项` : shown;
}

function reminderLines(item: BundleItem): string[] {
  return [
    `「${item.policyTitle}」`,
    `截止日期：${chineseDate(item.closesOn)}（${daysLeftText(item.daysLeft)}）`,
    `需要准备：${materialsText(item.materials)}`,
    `办理入口：${item.link}`,
  ];
}

function followUpLines(item: BundleItem): string[] {
  return [
    `「${item.policyTitle}」已于 ${chineseDate(item.closesOn)} 截止申报，您提交申请了吗？`,
    '请回复「已申请」或「未申请」，我们会记入您的申请记录（回复「我的申请」可查看）。',
  ];
}

/** The text the WeChat bot sends: one message for the whole bundle. */
export function reminderText(bundle: DeliveryBundle): string {
  const reminders = bundle.items.filter((item) => item.kind === 'reminder');
  const followUps = bundle.items.filter((item) => item.kind === 'follow_up');
  const blocks: string[] = [];
  if (reminders.length === 1) {
    blocks.push(['【截止提醒】您关注的政策即将截止申报：', ...reminderLines(reminders[0]!)].join('\n'));
  } else if (reminders.length > 1) {
    const listed = reminders.map((item, index) =>
      reminderLines(item)
        .map((line, n) => (n === 0 ? `${index + 1}. ${line}` : `   ${line}`))
        .join('\n'),
    );
    blocks.push([`【截止提醒】您关注的 ${reminders.length} 项政策即将截止申报：`, ...listed].join('\n\n'));
  }
  for (const item of followUps) blocks.push(['【申请跟进】', ...followUpLines(item)].join('\n'));
  blocks.push(UNSUBSCRIBE_HINT);
  return blocks.join('\n\n');
}

/** subscribeMessage fields are short: `thing` values are cut at 20 characters. */
function thing(text: string): string {
  return [...text].length <= 20 ? text : `${[...text].slice(0, 19).join('')}…`;
}

export interface MiniprogramMessage {
  /** The page the notification opens, with the first policy's id. */
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * The subscribeMessage template data. The template (WECHAT_TEMPLATE_ID) has
 * four fields: thing1 政策名称, date2 截止日期, thing3 温馨提示, thing4 退订方式.
 * A bundle names its most urgent policy and counts the others.
 */
export function miniprogramMessage(bundle: DeliveryBundle, page: string): MiniprogramMessage {
  const first = bundle.items[0]!;
  const others = bundle.items.length - 1;
  const title = others > 0 ? `${first.policyTitle} 等${bundle.items.length}项` : first.policyTitle;
  const hint =
    first.kind === 'follow_up'
      ? '已截止，您申请了吗？点此记录'
      : `${daysLeftText(first.daysLeft)}，备好${materialsText(first.materials)}`;
  return {
    page: `${page}?policy=${encodeURIComponent(first.policyId)}`,
    data: {
      thing1: { value: thing(title) },
      date2: { value: chineseDate(first.closesOn) },
      thing3: { value: thing(hint) },
      thing4: { value: MINIPROGRAM_UNSUBSCRIBE_HINT },
    },
  };
}
