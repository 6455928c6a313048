/**
 * Prometheus metrics (issue 22), one registry per process (not prom-client's
 * global one, so two apps in one test process never share counters). Labels
 * are route templates, channels and outcomes only: never ids or text a
 * founder typed.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsSources {
  /** Reminder rows waiting to be sent (status pending), read when scraped. */
  outboxDepth?: () => Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'founder_guide_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'founder_guide_http_request_duration_seconds',
    help: 'HTTP request duration by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly checks = new Counter({
    name: 'founder_guide_eligibility_checks_total',
    help: 'Eligibility checks, by whether the check cache answered (hit) or the engine ran (miss)',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });

  readonly reminderSends = new Counter({
    name: 'founder_guide_reminder_messages_total',
    help: 'Reminder messages by channel and outcome (sent, retry, refused, used_up)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  /** `defaults`: also the process's CPU, memory and event-loop metrics (once per process, in production). */
  constructor(sources: MetricsSources = {}, options: { defaults?: boolean } = {}) {
    const outboxDepth = sources.outboxDepth;
    if (outboxDepth) {
      new Gauge({
        name: 'founder_guide_reminder_outbox_depth',
        help: 'Reminder rows waiting to be sent',
        registers: [this.registry],
        async collect() {
          this.set(await outboxDepth());
        },
      });
    }
    if (options.defaults === true) collectDefaultMetrics({ register: this.registry, prefix: 'founder_guide_' });
  }
}
