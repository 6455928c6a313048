/**
 * What content:check warns about without failing: content that was right
 * when written but is ageing, or cited to the wrong kind of source.
 * - a policy verified more than 180 days ago;
 * - a policy whose windows have all closed, with no later one known;
 * - a source on a known content-farm mirror instead of the original publisher.
 */
import { addDays, nextWindow } from '../rules';
import type { Catalogue, IsoDate, Source } from '../rules/catalogue';
import type { ErrorDetail } from '../errors';

/** Older than this, a policy's verification is stale. */
export const STALE_AFTER_DAYS = 180;

/**
 * Hosts that reprint policy texts without being their publisher (found citing
 * incubators and policies in a domain review): cite the original instead.
 */
export const KNOWN_MIRRORS: readonly string[] = [
  'urin79.com',
  'ahtit.com',
  'zdbk.net',
  '51fusa.com',
  'jiuzzc.cn',
  'zhengsoso.com',
  'qianchaoyun.com',
];

export function contentWarnings(catalogue: Catalogue, today: IsoDate): ErrorDetail[] {
  const warnings: ErrorDetail[] = [];
  const staleBefore = addDays(today, -STALE_AFTER_DAYS);
  for (const policy of catalogue.policies) {
    const file = `policies/${policy.id}.yaml`;
    if (policy.verified_at < staleBefore) {
      warnings.push({
        path: `${file}:verified_at`,
        reason: `verified ${policy.verified_at}, more than ${STALE_AFTER_DAYS} days ago: check the source again`,
      });
    }
    if (policy.windows.length > 0 && nextWindow(policy.windows, today) === null) {
      warnings.push({
        path: `${file}:windows`,
        reason: 'every window has closed and no later one is known: add the next one, or say 以当年通知为准',
      });
    }
    const cited = [policy.sources, ...policy.versions.map((version) => version.sources)];
    warnings.push(...mirrorWarnings(`${file}:sources`, cited.flat()));
  }
  for (const incubator of catalogue.incubators) {
    warnings.push(...mirrorWarnings(`incubators: ${incubator.name}`, incubator.sources));
  }
  for (const region of catalogue.regions) warnings.push(...mirrorWarnings(`regions/${region.id}.yaml`, region.sources));
  return warnings;
}

function mirrorWarnings(where: string, sources: readonly Source[]): ErrorDetail[] {
  return sources.flatMap((source) => {
    const host = hostOf(source.url);
    const mirror = host && KNOWN_MIRRORS.find((name) => host === name || host.endsWith(`.${name}`));
    return mirror
      ? [{ path: where, reason: `「${source.title}」 is cited to ${mirror}, a mirror: cite the original publisher` }]
      : [];
  });
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
