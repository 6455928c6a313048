import { SenderStoppedError } from '../../bot/throttled-sender';
import { UnknownContactError } from '../../bot/wechaty-adapter';
import type { DeliveryBundle } from '../../reminders/channel';
import { wechatChannel } from '../../reminders/wechat-channel';

const bundle: DeliveryBundle = {
  founderId: 'f1',
  channel: 'wechat',
  recipient: 'contact-1',
  items: [
    {
      deliveryId: 1,
      kind: 'reminder',
      policyId: 'sh.innovation-voucher',
      policyTitle: '上海市科技创新券',
      windowKey: 'w',
      closesOn: '2026-12-01',
      daysLeft: 7,
      materials: ['营业执照'],
      link: 'https://example.gov.cn',
    },
  ],
};

describe('the WeChat reminder channel', () => {
  it('sends one text to the founder contact and reports it sent', async () => {
    const sent: [string, string][] = [];
    const channel = wechatChannel({ sendToContact: async (id, text) => void sent.push([id, text]) });
    expect(await channel.send(bundle)).toEqual({ status: 'sent' });
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toBe('contact-1');
    expect(sent[0]![1]).toContain('上海市科技创新券');
  });

  it('marks a contact the bot no longer knows as refused, so it is not retried', async () => {
    const channel = wechatChannel({
      sendToContact: async () => {
        throw new UnknownContactError();
      },
    });
    expect(await channel.send(bundle)).toMatchObject({ status: 'refused' });
  });

  it('keeps the reminder for a retry when the bot is stopping or offline', async () => {
    const channel = wechatChannel({
      sendToContact: async () => {
        throw new SenderStoppedError();
      },
    });
    expect(await channel.send(bundle)).toMatchObject({ status: 'retry' });
  });
});
