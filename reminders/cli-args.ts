/**
 * Arguments of `npm run reminders:run -- --at 2026-05-20T09:00+08:00 [--dry-run]`,
 * checked before anything touches the database.
 */

export interface CliArgs {
  at: Date;
  /** True when --at was not given (the run is for now). */
  atDefaulted: boolean;
  dryRun: boolean;
  help: boolean;
}

export class CliArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliArgsError';
  }
}

export const USAGE = `usage: npm run reminders:run -- [--at <moment>] [--dry-run]

  --at       the moment to plan for, e.g. 2026-05-20T09:00+08:00 or 2026-05-20T01:00Z;
             without an offset the time is Shanghai time (2026-05-20T09:00). Default: now.
  --dry-run  plan and count inside a transaction that is rolled back; send nothing.`;

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO moment; without a zone it is Asia/Shanghai. Impossible dates (02-30, 24:00) are refused. */
export function parseMoment(text: string): Date {
  const match = MOMENT.exec(text.trim());
  if (!match) throw new CliArgsError(`--at: "${text}" is not a moment like 2026-05-20T09:00+08:00`);
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) {
    throw new CliArgsError(`--at: ${year}-${month}-${day} is not a date`);
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
    throw new CliArgsError(`--at: ${hour}:${minute} is not a time of day`);
  const offset = zone ?? '+08:00';
  const at = new Date(
    `${year}-${month}-${day}T${hour}:${minute}:${second}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')}`,
  );
  if (Number.isNaN(at.getTime())) throw new CliArgsError(`--at: "${text}" is not a moment`);
  return at;
}

export function parseCliArgs(argv: readonly string[], now: () => Date): CliArgs {
  const args: CliArgs = { at: now(), atDefaulted: true, dryRun: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--at' || arg.startsWith('--at=')) {
      const value = arg === '--at' ? argv[++i] : arg.slice('--at='.length);
      if (!value) throw new CliArgsError('--at needs a moment, e.g. --at 2026-05-20T09:00+08:00');
      args.at = parseMoment(value);
      args.atDefaulted = false;
    } else throw new CliArgsError(`unknown argument "${arg}"`);
  }
  return args;
}
