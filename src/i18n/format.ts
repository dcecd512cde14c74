/**
 * Dates and times as people in the region read them. Shown in the region's clock (China: UTC+8)
 * whatever time zone a box was left in.
 */
import { t } from './strings'

const DEFAULT_OFFSET_MINUTES = 8 * 60

function shifted(value: string | number, offsetMinutes: number): Date {
  const ms = typeof value === 'number' ? value : Date.parse(value)
  return new Date(ms + offsetMinutes * 60_000)
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** 2026-11-20 */
export function formatDate(value: string | number, offsetMinutes = DEFAULT_OFFSET_MINUTES): string {
  const d = shifted(value, offsetMinutes)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 09:05 */
export function formatTime(value: string | number, offsetMinutes = DEFAULT_OFFSET_MINUTES): string {
  const d = shifted(value, offsetMinutes)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026-11-20 星期五 */
export function formatToday(now: number, offsetMinutes = DEFAULT_OFFSET_MINUTES): string {
  const day = shifted(now, offsetMinutes).getUTCDay()
  const weekday = t(`weekday${day}` as 'weekday0')
  return t('home.today', { date: formatDate(now, offsetMinutes), weekday })
}

/** "更新于 09:05" today, "更新于 2026-11-19 21:30" on another day. */
export function formatUpdated(at: number | undefined, now: number, offsetMinutes = DEFAULT_OFFSET_MINUTES): string {
  if (at === undefined) return t('status.neverUpdated')
  const time = formatTime(at, offsetMinutes)
  return formatDate(at, offsetMinutes) === formatDate(now, offsetMinutes)
    ? t('status.updatedAt', { time })
    : t('status.updatedOn', { date: formatDate(at, offsetMinutes), time })
}

// ---- videos ------------------------------------------------------------------------------------------------

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/**
 * A length of time in words, as the player says it: 45秒, 3分20秒, 12分05秒, 1小时02分05秒. Whole seconds,
 * rounded down; anything that is not a time counts as 0.
 */
export function formatDuration(seconds: number): string {
  const total = isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return t('time.hms', { h, m: pad2(m), s: pad2(s) })
  if (m > 0) return t('time.ms', { m, s: pad2(s) })
  return t('time.s', { s })
}
