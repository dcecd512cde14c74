/** Small statistics for the benchmark: medians of runs, percentiles of samples. */

/** Linear interpolation between closest ranks (the usual "R-7" definition); null for no samples. */
export function percentile(values: readonly number[], p: number): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const a = sorted[low] as number
  const b = sorted[high] as number
  return a + (b - a) * (rank - low)
}

export function median(values: readonly (number | null | undefined)[]): number | null {
  return percentile(values.filter((v): v is number => typeof v === 'number'), 50)
}

export function round(value: number | null | undefined, digits = 1): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Consecutive differences: frame intervals from frame start times. */
export function deltas(stamps: readonly number[]): number[] {
  const out: number[] = []
  for (let i = 1; i < stamps.length; i++) out.push((stamps[i] as number) - (stamps[i - 1] as number))
  return out
}
