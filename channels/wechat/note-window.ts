/**
 * The customer-service window's bookkeeping (services/service-windows.ts)
 * must never cost a founder a reply: a write that fails (the database away)
 * is logged and the turn goes on. The cost is small: a reminder may then try
 * a closed window, which the platform answers 45015 and the sender moves on.
 */
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';
import type { ServiceWindows, WindowAddress } from '../../services/service-windows';

export async function noteWindow(write: () => Promise<void>, logger: Logger): Promise<void> {
  try {
    await write();
  } catch (error) {
    logger.warn({ err: loggableError(error) }, 'customer-service window not recorded');
  }
}

/**
 * Customer-service messages, counted against the founder's window whatever
 * happened: over-counting only sends a reminder by another channel. A failed
 * send is logged (as `failure`), never thrown: the turn is over by then.
 */
export async function sendInWindow(input: {
  send: () => Promise<void>;
  window: WindowAddress;
  count: number;
  windows: Pick<ServiceWindows, 'spent'>;
  logger: Logger;
  failure: string;
}): Promise<void> {
  try {
    await input.send();
  } catch (error) {
    input.logger.warn({ err: loggableError(error) }, input.failure);
  } finally {
    await noteWindow(() => input.windows.spent(input.window, input.count), input.logger);
  }
}
