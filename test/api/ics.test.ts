/** The RFC 5545 writer: escaping, folding at 75 octets without splitting characters, CRLF. */
import { escapeText, foldLine, renderCalendar } from '../../api/calendar/ics';

describe('ics writer', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets and never splits a Chinese character', () => {
    const line = `SUMMARY:${'高新技术企业认定'.repeat(10)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('writes all-day events with an end the next day and an alarm', () => {
    const ics = renderCalendar(
      [
        {
          uid: 'p.w:2026@founder-guide',
          date: '2026-12-31',
          summary: '截止',
          description: '第一行\n第二行',
          alarmDaysBefore: 7,
        },
      ],
      { name: '日历', stamp: new Date('2026-11-23T02:00:00Z') },
    );
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(ics).toContain('DTSTAMP:20261123T020000Z\r\n');
    expect(ics).toContain('DESCRIPTION:第一行\\n第二行\r\n');
    expect(ics).toContain('TRIGGER:-P7D\r\n');
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});
