/** The channel list against the columns that store its names. */
import { CHANNEL_NAMES } from '../../channels/registry';

describe('the channel registry', () => {
  it('names every channel within varchar(16), the width of founder_identity.channel and subscription.channel', () => {
    for (const name of CHANNEL_NAMES) expect(name.length).toBeLessThanOrEqual(16);
  });
});
