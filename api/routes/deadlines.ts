import type { Context } from 'koa';
import { z } from 'zod';
import type { Services } from '../../services';
import type { Deadline } from '../../services/deadline-service';
import { AllDayEvent, renderCalendar } from '../calendar/ics';
import { messages } from '../messages';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import { answersInQuery } from '../schemas/common';

const deadlinesQuery = z.strictObject({ answers: answersInQuery });

function eventOf(deadline: Deadline): AllDayEvent {
  const description = [
    deadline.opensOn ? messages.deadlineOpens(deadline.opensOn) : null,
    messages.deadlineBenefit(deadline.benefit),
    deadline.note,
    deadline.applyUrl ? messages.deadlineApply(deadline.applyUrl) : null,
  ].filter((line): line is string => !!line);
  return {
    uid: `${deadline.policyId}.${deadline.windowKey}@founder-guide`,
    date: deadline.closesOn,
    summary: messages.deadlineSummary(deadline.title),
    description: description.join('\n'),
    ...(deadline.applyUrl ? { url: deadline.applyUrl } : {}),
    alarmDaysBefore: 7,
    alarmText: messages.deadlineAlarm(deadline.title),
  };
}

function sendCalendar(ctx: Context, services: Services, deadlines: readonly Deadline[]): void {
  ctx.type = 'text/calendar; charset=utf-8';
  ctx.set('Content-Disposition', 'attachment; filename="deadlines.ics"');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = renderCalendar(deadlines.map(eventOf), { name: messages.calendarName, stamp: services.clock.now() });
}

/**
 * GET /api/v1/me/deadlines.ics: my relevant deadlines as an RFC 5545 calendar;
 * GET /api/v1/deadlines.ics?answers=: the same for answers a client keeps (the web page), no login.
 */
export function deadlineRoutes(api: ApiRouter, services: Services): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/deadlines.ics',
      tag: 'me',
      summary: 'My relevant application deadlines as a calendar file',
      description: 'All-day events on each closing date (eligible, maybe or subscribed policies), with a 7-day alarm.',
      auth: 'founder',
      produces: 'text/calendar',
      response: z.string(),
    },
    async (ctx) => {
      sendCalendar(ctx, services, await services.deadlines.forFounder(founderOf(ctx)));
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/deadlines.ics',
      tag: 'eligibility',
      summary: 'The application deadlines that fit these answers, as a calendar file (no login)',
      description:
        'All-day events on each closing date of the eligible or maybe policies for `answers`, with a 7-day alarm.',
      query: deadlinesQuery,
      produces: 'text/calendar',
      response: z.string(),
    },
    (ctx, { query }) => {
      // Validated as a check validates them: 400 naming each bad fact.
      const { answers } = services.eligibility.check({ answers: query.answers });
      sendCalendar(ctx, services, services.deadlines.forAnswers(answers));
    },
  );
}
