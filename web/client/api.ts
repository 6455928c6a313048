/**
 * The public API as the page uses it (docs/api-contract.md). Answers go in a
 * POST body, never in a URL that a proxy or the browser's history would keep;
 * the one exception is the calendar, a link the phone must be able to open.
 */
export type Value = boolean | number | string;
export type Answers = Record<string, Value>;

export interface Question {
  fact: string;
  text: string;
  type: 'boolean' | 'integer' | 'number' | 'percent' | 'enum';
  options: { value: string; label: string }[];
  unit: string | null;
  example: string | null;
  why: string | null;
  min: number | null;
  max: number | null;
}

export type Status = 'eligible' | 'not_eligible' | 'maybe' | 'not_in_force';

export interface Verdict {
  policy: string;
  title: string;
  status: Status;
  benefit: string;
  failed?: string[];
  missing?: string[];
  near_miss?: string[];
  deadline?: string;
}

export interface Summary {
  as_of: string;
  results: Verdict[];
  next_question: Question | null;
}

export interface Rung {
  policy: string;
  title: string;
  state: 'held' | 'eligible' | 'not_eligible' | 'maybe' | 'unavailable';
}

export interface Ladder {
  rungs: Rung[];
  current: Rung | null;
  next: (Rung & { near_miss?: { explanation: string }[] }) | null;
}

export interface OutlineNode {
  group: boolean;
  status: 'met' | 'not_met' | 'unknown';
  explanation?: string;
  mode?: 'all' | 'any';
  label?: string | null;
  parts?: OutlineNode[];
}

export interface PolicyDetail {
  id: string;
  title: string;
  summary: string;
  authority: string;
  benefit: { description: string; notes: string | null };
  verified_at: string;
  caveats: string[];
  windows: { opens: string | null; closes: string | null; rolling: boolean; note: string | null }[];
  how_to_apply: {
    automatic: boolean;
    summary: string | null;
    steps: string[];
    materials: string[];
    url: string | null;
  };
  sources: { title: string; number: string | null; url: string | null }[];
  result?: { status: Status; to_check: string[]; outline: OutlineNode };
}

export interface Incubator {
  id: string;
  name: string;
  district: string | null;
  level: string;
  address: string;
  summary: string | null;
  reasons?: string[];
}

/** The API's error: `message` is Chinese, written for the founder. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function json<T>(response: Promise<Response>): Promise<T> {
  let reply: Response;
  try {
    reply = await response;
  } catch {
    throw new ApiError('网络连接失败，请稍后再试。', 0);
  }
  const body = (await reply.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!reply.ok) throw new ApiError(body?.error?.message ?? `出错了（${reply.status}）`, reply.status);
  return body as T;
}

const post = <T>(url: string, body: unknown) =>
  json<T>(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

const withAnswers = (path: string, answers: Answers) =>
  `${path}?answers=${encodeURIComponent(JSON.stringify(answers))}`;

export const checkSummary = (answers: Answers, skipped: string[]) =>
  post<Summary>('/api/v1/eligibility?view=summary', { answers, skipped });

/** The full check, for what only it carries: the qualification ladder. */
export const checkLadder = (answers: Answers) =>
  post<{ ladder: Ladder }>('/api/v1/eligibility', { answers }).then((reply) => reply.ladder);

export const policyDetail = (id: string, answers: Answers) =>
  post<PolicyDetail>(`/api/v1/policies/${encodeURIComponent(id)}`, { answers });

export const incubatorsFor = (answers: Answers) =>
  post<{ incubators: Incubator[] }>('/api/v1/incubators', { answers }).then((r) => r.incubators);

export const calendarUrl = (answers: Answers) => withAnswers('/api/v1/deadlines.ics', answers);

export const toTraditional = (texts: string[]) =>
  post<{ texts: string[] }>('/web/traditional', { texts }).then((reply) => reply.texts);
