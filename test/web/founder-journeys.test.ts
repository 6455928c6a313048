/**
 * Issue #20 in a real browser: founders go from the first question to their
 * results on the page at `/` (three personas), a reload resumes, the share
 * link opens the same results in a fresh browser context, the calendar
 * downloads, the traditional switch converts, and a keyboard-only journey
 * works. 375 px screenshots (a question, the results, an opened policy) are
 * written to test-output/web/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, servePage, type ServedPage } from './support/browser';
import { shareUrl } from '../../web/client/share-link';
import { activeId, answerAll, answerAllByKeyboard, readPersona, shownStatuses, type Persona } from './support/founder';

// A browser journey takes seconds, not milliseconds; generous, so a busy machine does not fail it.
jest.setTimeout(120_000);

const OUTPUT_DIR = path.resolve(__dirname, '../../test-output/web');
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describeInBrowser('the founder page in headless Chromium', () => {
  let served: ServedPage;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Console errors (a CSP violation among them) fail the test that caused them. */
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    [served, browser] = await Promise.all([servePage(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(consoleErrors).toEqual([]);
    consoleErrors = [];
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    // Playwright waits 30 s for an element by default; the whole suite may be sharing two busy cores.
    page.setDefaultTimeout(90_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return page;
  }

  function expectVerdicts(statuses: Record<string, string>, persona: Persona): void {
    for (const [policy, status] of Object.entries(persona.expect))
      expect({ policy, status: statuses[policy] }).toEqual({ policy, status });
  }

  it('hardtech-growth answers every question it is asked and sees its verdicts', async () => {
    const persona = readPersona('hardtech-growth');
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    const asked = await answerAll(page, persona);
    expect(asked.length).toBeGreaterThan(3);
    expectVerdicts(await shownStatuses(page), persona);
    await expect(page.locator('li.verdict.eligible').count()).resolves.toBeGreaterThan(0);
    // 高企 is a maybe only for what the founder must check: the list says so, the detail says what.
    const highTech = page.locator('li.verdict[data-policy="cn.high-tech-enterprise"]');
    await expect(highTech.innerText()).resolves.toContain('需要你自行核实');
    await highTech.locator('button.open').click();
    await highTech.locator('.detail', { hasText: '国家重点支持的高新技术领域' }).waitFor();
    await expect(highTech.locator('button.open').getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('rd-too-low sees the near miss first among its “no”s, opens it to the criteria tree, and gets a phone screenshot', async () => {
    const persona = readPersona('rd-too-low');
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    await page.locator('section.question[data-step="1"]').waitFor();
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'question-375.png') });
    await answerAll(page, persona);
    expectVerdicts(await shownStatuses(page), persona);
    // The results as the founder first sees them: the first screen, and the whole page.
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'results-375.png') });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'results-375-full.png'), fullPage: true });

    const highTech = page.locator('li.verdict[data-policy="cn.high-tech-enterprise"]');
    await expect(highTech.getAttribute('class')).resolves.toContain('near');
    await expect(highTech.locator('.fix').innerText()).resolves.toContain('研发费用占比提高到 4% 即可申请');
    await highTech.locator('button.open').click();
    const detail = highTech.locator('.detail');
    await detail.locator('.tree').waitFor();
    await expect(detail.innerText()).resolves.toMatch(/研发费用占比 3\.5% < 要求 4%/);
    await expect(detail.innerText()).resolves.toMatch(/信息核实于 \d{4}-\d{2}-\d{2}/);
    await expect(page.locator('.ladder .rung').count()).resolves.toBe(4);
    // The "no"s are folded under one tap, each with the condition it failed.
    const angelFund = page.locator('li.verdict[data-policy="sh.angel-fund"]');
    await expect(angelFund.isVisible()).resolves.toBe(false);
    await page.locator('.group-no summary').click();
    await expect(angelFund.innerText()).resolves.toContain('未满足：科技人员占比');

    // The policy opened to its criteria, as a phone shows it.
    await highTech.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'policy-375.png') });
  });

  it('student-team resumes after a reload, and the share link opens the same results in a fresh context', async () => {
    const persona = readPersona('student-team');
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    const before = await answerAll(page, persona, 3);
    await page.reload();
    // The fourth question is on screen again: the three answers were kept in the browser.
    await page.locator('section.question[data-step="4"]').waitFor();
    await page.locator('#back').click();
    await expect(page.locator('section.question[data-step="3"]').getAttribute('data-fact')).resolves.toBe(before[2]);
    await page.reload();
    await page.locator('section.question[data-step="3"]').waitFor();
    await answerAll(page, persona);
    const statuses = await shownStatuses(page);
    expectVerdicts(statuses, persona);
    await page.reload();
    expect(await shownStatuses(page)).toEqual(statuses);

    const link = await page.locator('#share-url').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#a=/);
    expect(link).toContain('team_core_members:4');
    const requested: string[] = [];
    const other = await freshPage();
    other.on('request', (request) => requested.push(request.url()));
    await other.goto(link);
    expect(await shownStatuses(other)).toEqual(statuses);
    // A browser with no answers of its own has nothing to keep aside.
    expect(await other.locator('#own-progress').count()).toBe(0);
    // The page's own GET carried no answers: the fragment stays in the browser.
    expect(requested[0]).toBe(`${served.baseUrl}/`);
    // Nor did any other request it made (answers go in POST bodies); the calendar link is the one exception.
    expect(requested.filter((url) => /[?&]answers=/.test(url))).toEqual([]);

    const download = other.waitForEvent('download');
    await other.locator('#calendar').click();
    const file = await (await download).path();
    const calendar = fs.readFileSync(file, 'utf8');
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar).toContain('END:VCALENDAR');
  });

  it('a share link opened where the founder has answers of their own keeps them, one tap from coming back', async () => {
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    const own = await answerAll(page, readPersona('student-team'), 3);
    // A colleague's link, opened in the same browser.
    const colleague = readPersona('hardtech-growth');
    await page.goto(shareUrl(`${served.baseUrl}/`, colleague.answers, []));
    expectVerdicts(await shownStatuses(page), colleague);
    await page.locator('#own-progress').waitFor();
    // Still kept after a reload: nothing of the founder's was overwritten.
    await page.reload();
    await page.locator('#restore-own').click();
    // Back at the fourth question, with the three answers and 上一题 as they were.
    await page.locator('section.question[data-step="4"]').waitFor();
    expect(await page.locator('#own-progress').count()).toBe(0);
    await page.locator('#back').click();
    await expect(page.locator('section.question[data-step="3"]').getAttribute('data-fact')).resolves.toBe(own[2]);
  });

  it('switches to traditional Chinese and back', async () => {
    const persona = readPersona('student-team');
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    await answerAll(page, persona);
    await expect(page.locator('#results-title').innerText()).resolves.toBe('你的结果');
    await page.locator('#script-switch').click();
    await page.locator('#results-title', { hasText: '你的結果' }).waitFor();
    await page.locator('#group-eligible', { hasText: '可以申請' }).waitFor();
    // Policy titles from the API too, folded ones included.
    await expect(page.locator('li.verdict[data-policy="cn.high-tech-enterprise"] h3').textContent()).resolves.toBe(
      '高新技術企業認定',
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-TW');
    await page.locator('.brand', { hasText: '創業政策嚮導' }).waitFor();
    await expect(page.title()).resolves.toBe('創業政策嚮導');
    await page.reload();
    await page.locator('#results-title', { hasText: '你的結果' }).waitFor();
    await page.locator('#script-switch').click();
    await page.locator('#results-title', { hasText: '你的结果' }).waitFor();
    await expect(page.title()).resolves.toBe('创业政策向导');
  });

  it('works with the keyboard alone (Tab, typing, Enter), focus landing on each new question', async () => {
    const persona = readPersona('student-team');
    const page = await freshPage();
    await page.goto(`${served.baseUrl}/`);
    await page.locator('section.question[data-step="1"]').waitFor();
    await answerAllByKeyboard(page, persona);
    expectVerdicts(await shownStatuses(page), persona);
    await expect(activeId(page)).resolves.toBe('results-title');
  });
});
