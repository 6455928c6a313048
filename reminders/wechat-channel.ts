/**
 * Reminders through the Wechaty bot: one text per bundle to the founder's
 * contact, handed to the bot's throttled sender (which spaces messages per
 * contact and globally, so WeChat does not flag the account).
 */
import { ContactRefusedError, type ContactSender } from '../bot/throttled-sender';
import type { ReminderChannel } from './channel';
import { errorText } from './channel';
import { reminderText } from './messages';

export { ContactRefusedError };
export type { ContactSender };

/** `contacts` is the bot's throttled sender: it resolves once the text went out. */
export function wechatChannel(contacts: ContactSender): ReminderChannel {
  return {
    name: 'wechat',
    async send(bundle) {
      try {
        await contacts.sendToContact(bundle.recipient, reminderText(bundle));
        return { status: 'sent' };
      } catch (error) {
        if (error instanceof ContactRefusedError) return { status: 'refused', error: errorText(error) };
        // The bot is offline, logged out or stopping (SenderStoppedError): keep the reminder pending.
        return { status: 'retry', error: errorText(error) };
      }
    },
  };
}
