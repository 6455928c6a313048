import { z } from 'zod';
import type { Services } from '../../services';
import type { Deadline } from '../../services/deadline-service';
import { AllDayEvent, renderCalendar } from '../calendar/ics';
import { messages } from '../messages';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';

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

/** GET /api/v1/me/deadlines.ics: my relevant deadlines as an RFC 5545 calendar. */
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
      const deadlines = await services.deadlines.forFounder(founderOf(ctx));
      ctx.type = 'text/calendar; charset=utf-8';
      ctx.set('Content-Disposition', 'attachment; filename="deadlines.ics"');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = renderCalendar(deadlines.map(eventOf), { name: messages.calendarName, stamp: services.clock.now() });
    },
  );
}
