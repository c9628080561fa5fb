import type { Metric } from 'prom-client';

/** One exposition line, as prom-client's metrics return them from `get()` (its type is not exported). */
interface SeriesValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Series {
  /** Observations per bucket, not cumulative: bucket i counts values in (bounds[i-1], bounds[i]]; the last is +Inf. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram with one label, kept as plain numbers and turned into series only when scraped.
 * prom-client's own `observe` validates and hashes its labels on every call, which cost more than anything else
 * the metrics did per request; here an observation is a bucket search over a dozen bounds and three additions.
 * It plugs into a prom-client Registry as a metric (same exposition as prom-client's Histogram).
 */
export class RequestHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelName: string,
    private readonly bounds: readonly number[],
  ) {}

  /** The series for one label value, resolved once by the caller and then observed into directly. */
  seriesFor(labelValue: string): Series {
    let series = this.series.get(labelValue);
    if (series === undefined) {
      series = { counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.series.set(labelValue, series);
    }
    return series;
  }

  observe(series: Series, value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > (bounds[i] as number)) i++;
    (series.counts as Float64Array)[i] = (series.counts[i] as number) + 1;
    series.sum += value;
    series.count += 1;
  }

  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: SeriesValue[] }> {
    const values: SeriesValue[] = [];
    for (const [labelValue, series] of this.series) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += series.counts[i] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, [this.labelName]: labelValue }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', [this.labelName]: labelValue }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: { [this.labelName]: labelValue }, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: { [this.labelName]: labelValue }, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }

  /** The shape a Registry takes; prom-client types it as its own classes only. */
  asMetric(): Metric {
    return this as unknown as Metric;
  }
}
