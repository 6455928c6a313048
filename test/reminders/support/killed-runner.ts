/**
 * A reminder runner in its own process that SIGKILLs itself when asked to send
 * message number KILL_AFTER + 1, as a crash or an OOM kill would: no cleanup,
 * no lease release, rows left claimed. Every message it did send is appended
 * to OUT first (one line per item), so the test can see exactly what went out.
 *
 * Env: SQLITE_PATH or DATABASE_URL, AT (ISO instant), KILL_AFTER, OUT.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../../../config/config';
import { openDatabase } from '../../../db/open-database';
import { silentLogger } from '../../../logging/logger';
import { fixedClock } from '../../../services/clock';
import type { ReminderChannel } from '../../../reminders/channel';
import { fittingFromEligibility } from '../../../reminders/fitting-policies';
import { ReminderRunner } from '../../../reminders/runner';
import { miniPolicy } from '../../support/mini-catalogue';
import { stubEligibility, testSettings } from './reminder-fixtures';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config);
  const killAfter = Number(process.env.KILL_AFTER);
  const out = process.env.OUT!;
  let calls = 0;
  const channel: ReminderChannel = {
    name: 'wechat',
    async send(bundle) {
      calls += 1;
      if (calls > killAfter) process.kill(process.pid, 'SIGKILL');
      for (const item of bundle.items)
        fs.appendFileSync(out, `${bundle.founderId}|${item.policyId}|${item.closesOn}|${item.daysLeft}|${item.kind}\n`);
      return { status: 'sent' };
    },
  };
  const catalogue = { policy: (id: string) => miniPolicy(id) };
  const runner = new ReminderRunner({
    dataSource,
    clock: fixedClock(new Date(process.env.AT!)),
    channels: [channel],
    catalogue,
    verdicts: fittingFromEligibility(stubEligibility, catalogue),
    settings: testSettings(),
    logger: silentLogger(),
  });
  await runner.run();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
