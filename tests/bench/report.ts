/**
 * The benchmark's table: for the terminal (aligned text) and for the README (Markdown). Rows are grouped
 * by their `section` (a heading above each group: start, keys, paint, memory … per variant).
 */

/** `pixels`: Lightning's texture memory unit; `stage`: an area as a share of the stage (1 = every pixel once). */
export type Unit = 'ms' | 'bytes' | 'count' | 'pixels' | 'stage'

export interface Target {
  /** What the target says, e.g. "≤ 1.3 × floor + RTT". */
  text: string
  /** The limit it works out to in this run, in the metric's unit. */
  limit?: number
  /** True when `app` is strictly below the limit (`<`), false for `≤`. */
  strict?: boolean
  pass?: boolean | null
}

export interface Metric {
  id: string
  /** The heading the row is listed under. */
  section: string
  label: string
  unit: Unit
  app: number | null
  floor?: number | null
  ratio?: number | null
  target?: Target
  /** Why a figure is n/a, or what it is measured on. */
  note?: string
  /** Values of the runs behind a median (null for a failed run). */
  runs?: { app?: (number | null)[]; floor?: (number | null)[] }
}

export function judge(value: number | null, target: Target): Target {
  if (target.limit === undefined) return target
  if (value === null) return { ...target, pass: null }
  return { ...target, pass: target.strict ? value < target.limit : value <= target.limit }
}

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return 'n/a'
  if (unit === 'ms') return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`
  if (unit === 'bytes') {
    const abs = Math.abs(value)
    if (abs >= 1e6) return `${(value / 1e6).toFixed(2)} MB`
    if (abs >= 1e3) return `${(value / 1e3).toFixed(1)} kB`
    return `${Math.round(value)} B`
  }
  if (unit === 'pixels') return `${(value / 1e6).toFixed(2)} MP`
  if (unit === 'stage') return `${Math.round(value * 100)} %`
  if (Number.isInteger(value) || Math.abs(value) >= 10) return String(Math.round(value))
  return value.toFixed(1)
}

function formatRatio(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '' : `${ratio.toFixed(2)}×`
}

function formatTarget(metric: Metric): string {
  const t = metric.target
  if (!t || t.text === 'info') return ''
  return t.limit === undefined ? t.text : `${t.text} (${formatValue(t.limit, metric.unit)})`
}

function formatResult(metric: Metric): string {
  const pass = metric.target?.pass
  if (pass === undefined) return metric.target ? 'info' : ''
  if (pass === null) return 'n/a'
  return pass ? 'PASS' : 'FAIL'
}

const HEADERS = ['metric', 'app', 'floor', 'ratio', 'target', 'result'] as const

function cells(metric: Metric): string[] {
  // A label starting with two spaces details the row above it.
  const base = metric.label.startsWith('  ') ? `↳ ${metric.label.trimStart()}` : metric.label
  const label = metric.note && metric.app === null ? `${base} — ${metric.note}` : base
  return [
    label,
    formatValue(metric.app, metric.unit),
    metric.floor === undefined ? '' : formatValue(metric.floor, metric.unit),
    formatRatio(metric.ratio),
    formatTarget(metric),
    formatResult(metric),
  ]
}

/** Display width, counting CJK and full-width characters as two columns. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function pad(text: string, to: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)))
  return right ? fill + text : text + fill
}

/** Consecutive rows with the same section, in order. */
function groups(metrics: readonly Metric[]): { section: string; metrics: Metric[] }[] {
  const out: { section: string; metrics: Metric[] }[] = []
  for (const m of metrics) {
    const last = out[out.length - 1]
    if (last && last.section === m.section) last.metrics.push(m)
    else out.push({ section: m.section, metrics: [m] })
  }
  return out
}

/** One aligned table (the same column widths for every section), a heading line above each section. */
export function textTable(metrics: readonly Metric[]): string {
  const all = [HEADERS.slice() as string[], ...metrics.map(cells)]
  const widths = HEADERS.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i] ?? 0, i > 0 && i < 4)).join(' | ')
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-')
  const out = [line(all[0] as string[]), rule]
  for (const group of groups(metrics)) out.push(`== ${group.section}`, ...group.metrics.map((m) => line(cells(m))))
  return out.join('\n')
}

/** A Markdown table per section, each under a level-3 heading. */
export function markdownTable(metrics: readonly Metric[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|')
  const head = `| ${HEADERS.join(' | ')} |`
  const align = '|---|--:|--:|--:|---|---|'
  return groups(metrics)
    .map((g) => [`### ${g.section}`, '', head, align, ...g.metrics.map((m) => `| ${cells(m).map(escape).join(' | ')} |`)].join('\n'))
    .join('\n\n')
}
