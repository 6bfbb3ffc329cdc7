export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Runs `count` calls with at most `inFlight` at once; returns each call's latency in ms and the wall time. */
export async function load<T>(count: number, inFlight: number, call: (i: number) => Promise<T>) {
  const latencies: number[] = []
  const results: T[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++
        const t = performance.now()
        results[i] = await call(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const wallMs = performance.now() - started
  latencies.sort((a, b) => a - b)
  return { results, wallMs, p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: (count / wallMs) * 1000 }
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`
