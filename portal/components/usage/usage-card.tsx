'use client';

import { type ReactNode, useState } from 'react';
import { Card } from '@/components/card';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import type { UsageRange, UsageSummary } from '@/lib/client/use-usage';
import { UsageChart } from './usage-chart';
import { UsageControls, type UsageView } from './usage-controls';
import { UsageStats } from './usage-stats';
import { UsageTable } from './usage-table';

interface UsageCardProps<T extends UsageSummary> {
  title: string;
  description: ReactNode;
  /** The range, data and error as a usage hook (useAppUsage, useApiUsage...) returns them: spread it in. */
  range: UsageRange;
  setRange: (range: UsageRange) => void;
  usage: T | undefined;
  error: unknown;
  /** Further headline figures of this view (UsageStat elements), shown after the common ones. */
  extraStats?: (usage: T) => ReactNode;
  /** Breakdowns of this view (per application, environment, gateway...), shown under the chart or table. */
  children?: (usage: T) => ReactNode;
  className?: string;
}

/** One usage view: headline figures, then requests over time as a chart (numbers on hover) or a table. */
export function UsageCard<T extends UsageSummary>({ title, description, range, setRange, usage, error, extraStats, children, className }: UsageCardProps<T>) {
  const [view, setView] = useState<UsageView>('chart');
  return (
    <Card title={title} description={description} className={className} actions={<UsageControls range={range} onRangeChange={setRange} view={view} onViewChange={setView} />}>
      {error ? (
        <LoadError error={error} what="usage" />
      ) : !usage ? (
        <LoadingBlock rows={2} label="Loading usage" />
      ) : (
        <>
          <UsageStats totals={usage.totals}>{extraStats?.(usage)}</UsageStats>
          {view === 'chart' ? <UsageChart buckets={usage.buckets} bucketMs={usage.bucketMs} /> : <UsageTable buckets={usage.buckets} bucketMs={usage.bucketMs} />}
          {children?.(usage)}
        </>
      )}
    </Card>
  );
}
