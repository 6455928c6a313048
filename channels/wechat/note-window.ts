/**
 * The customer-service window's bookkeeping (services/service-windows.ts)
 * must never cost a founder a reply: a write that fails (the database away)
 * is logged and the turn goes on. The cost is small: a reminder may then try
 * a closed window, which the platform answers 45015 and the sender moves on.
 */
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';

export async function noteWindow(write: () => Promise<void>, logger: Logger): Promise<void> {
  try {
    await write();
  } catch (error) {
    logger.warn({ err: loggableError(error) }, 'customer-service window not recorded');
  }
}
