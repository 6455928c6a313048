/**
 * Reminders as customer-service text messages, for the chat channels whose
 * platform lets us write only within a window after the founder's last
 * message: the Official Account (POST /cgi-bin/message/custom/send) and WeCom
 * customer service (POST /cgi-bin/kf/send_msg). The sender checks the window
 * before it picks a bundle; here the platform's own "closed" answers are
 * turned into `window_closed`, so the reminder goes by another channel.
 */
import type { CustomerServiceSender } from '../channels/official-account/customer-service';
import type { WecomKfApi } from '../channels/wecom-kf/kf-api';
import { splitBytes } from '../channels/wechat/split-bytes';
import type { ChannelName, DeliveryBundle, ReminderChannel } from './channel';
import { errorText } from './channel';
import { reminderText } from './messages';
import { WechatApiError } from './wechat-access-token';

/**
 * 45015: "response out of time limit or subscription is canceled" (more than
 * 48 h since the founder wrote); 45047: too many customer-service messages
 * since. WeCom's 微信客服 answers the same situations with its own codes,
 * which its public documentation does not list clearly: there the count kept
 * in founder_identity is what keeps reminders inside the window.
 */
const WINDOW_CLOSED = new Set([45015, 45047]);
/** 43004: the founder no longer follows the Official Account. */
const UNFOLLOWED = 43004;

function customerServiceChannel(
  name: ChannelName,
  sendTexts: (bundle: DeliveryBundle, messages: string[]) => Promise<void>,
): ReminderChannel {
  return {
    name,
    async send(bundle) {
      const messages = splitBytes(reminderText(bundle));
      try {
        await sendTexts(bundle, messages);
        return { status: 'sent', messages: messages.length };
      } catch (error) {
        const code = error instanceof WechatApiError ? error.errcode : null;
        if (code !== null && WINDOW_CLOSED.has(code)) return { status: 'window_closed', error: errorText(error) };
        if (code === UNFOLLOWED) return { status: 'refused', error: errorText(error) };
        return { status: 'retry', error: errorText(error) };
      }
    },
  };
}

export function officialAccountChannel(sender: Pick<CustomerServiceSender, 'sendTexts'>): ReminderChannel {
  return customerServiceChannel('official_account', (bundle, messages) => sender.sendTexts(bundle.recipient, messages));
}

export function wecomKfChannel(api: Pick<WecomKfApi, 'sendTexts'>): ReminderChannel {
  return customerServiceChannel('wecom_kf', async (bundle, messages) => {
    // The founder's last message says which customer-service account writes back.
    if (!bundle.via) throw new WechatApiError(45015, 'no customer-service account to write from');
    await api.sendTexts(bundle.recipient, bundle.via, messages);
  });
}
