/** One sample from a Prometheus text scrape: the series of `metric` whose labels include all of `labels`. */
export function metricSample(text: string, metric: string, labels: readonly string[] = []): number | undefined {
  const line = text
    .split('\n')
    .find((l) => (l.startsWith(`${metric}{`) || l.startsWith(`${metric} `)) && labels.every((p) => l.includes(p)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}
