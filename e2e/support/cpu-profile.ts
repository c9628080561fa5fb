import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Samples the page's main thread (Chrome's own profiler) until `stop`, which names where the time went. */
export async function startCpuProfile(page: Page): Promise<{ stop: () => Promise<string> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number } };
      await cdp.detach();
      const totalMs = (profile.endTime - profile.startTime) / 1000;
      const msPerSample = totalMs / Math.max(1, profile.samples.length);
      const byScript = new Map<string, number>();
      const byFunction = new Map<string, number>();
      for (const node of profile.nodes) {
        const ms = (node.hitCount ?? 0) * msPerSample;
        const script = node.callFrame.url.split('/').pop() || `(${node.callFrame.functionName || 'native'})`;
        byScript.set(script, (byScript.get(script) ?? 0) + ms);
        const fn = `${node.callFrame.functionName || '(anonymous)'} ${script}:${node.callFrame.lineNumber}`;
        byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
      }
      const top = (m: Map<string, number>, n: number) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
          .join('\n');
      return `CPU profile over ${totalMs.toFixed(0)} ms, self time by script:\n${top(byScript, 8)}\nby function:\n${top(byFunction, 12)}`;
    },
  };
}
