import type { SidecarMetrics } from '../admin/metrics';

/** The current value of one counter or gauge series, 0 when the series does not exist yet. */
export async function metricValue(metrics: SidecarMetrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value));
  return match?.value ?? 0;
}
