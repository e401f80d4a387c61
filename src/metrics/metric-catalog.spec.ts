import { Metrics } from './metrics';

/** Prometheus' naming conventions, held for every instrument of the catalogue. */
describe('the metric catalogue', () => {
  const metrics = new Metrics();
  const all = metrics.registry.getMetricsAsArray();

  it('prefixes every name with kindred_ and gives every metric help', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const metric of all) {
      expect(metric.name).toMatch(/^kindred_[a-z0-9_]+$/);
      expect(metric.help.length).toBeGreaterThan(10);
    }
  });

  it('ends counters in _total and durations in _seconds', () => {
    for (const metric of all) {
      const type = (metric as unknown as { type: string }).type;
      if (type === 'counter') expect(metric.name).toMatch(/_total$/);
      if (type === 'histogram') expect(metric.name).toMatch(/_seconds$/);
      if (type === 'gauge') expect(metric.name).not.toMatch(/_total$/);
    }
  });

  it('counts a screened revision once by outcome and once per category, NONE when clean', async () => {
    const fresh = new Metrics();
    fresh.screened('HOLD', ['SELF_HARM', 'OVERDOSE_EMERGENCY']);
    fresh.screened('PUBLISH', []);
    const text = (await fresh.scrape()).body;
    expect(text).toContain('kindred_screenings_total{outcome="HOLD"} 1');
    expect(text).toContain('kindred_screening_categories_total{outcome="HOLD",category="SELF_HARM"} 1');
    expect(text).toContain('kindred_screening_categories_total{outcome="HOLD",category="OVERDOSE_EMERGENCY"} 1');
    expect(text).toContain('kindred_screening_categories_total{outcome="PUBLISH",category="NONE"} 1');
  });

  it('reads queue depth at scrape time, and reports a backend that fails as down instead of failing the scrape', async () => {
    const fresh = new Metrics();
    fresh.watchQueue('screening', 'postgres', async () => ({ waiting: 3, active: 1, delayed: 0, failed: 2 }));
    fresh.watchQueue('other', 'redis', async () => {
      throw new Error('connection refused to redis://secret@10.0.0.1');
    });
    const text = (await fresh.scrape()).body;
    expect(text).toContain('kindred_queue_jobs{queue="screening",backend="postgres",state="waiting"} 3');
    expect(text).toContain('kindred_queue_jobs{queue="screening",backend="postgres",state="failed"} 2');
    expect(text).toContain('kindred_queue_up{queue="screening",backend="postgres"} 1');
    expect(text).toContain('kindred_queue_up{queue="other",backend="redis"} 0');
    expect(text).not.toContain('10.0.0.1');
  });
});
