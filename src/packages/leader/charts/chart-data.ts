import { FIGURE_LABELS } from '@/core/report/report.figures'
import { CATEGORY_COUNT_LABEL, type CategoryCount, type DepartmentRankingRow, type TrendPoint } from '@/core/report/report.schema'

/**
 * What the dashboard's charts show, as plain data: pure functions from the report views to a small chart
 * description, so they are tested without a canvas. The F2 wrapper (F2Chart.tsx) only draws a ChartSpec.
 */
export interface ChartDatum {
  /** Category on the x axis (the y axis of a horizontal bar chart): a week, a category, a department. */
  x: string
  y: number
  /** Series of a multi-line chart (受理诉求 / 办结). */
  series?: string
}

export interface ChartSpec {
  /** line: trend with points; column: vertical bars; bar: horizontal bars (a ranking, best on top). */
  kind: 'line' | 'column' | 'bar'
  data: ChartDatum[]
  /** Unit of the values: counts, percentages 0–100, or rating levels 1–5 (a survey's averages). */
  unit: 'count' | 'percent' | 'level'
  /** What the chart says, above it. */
  caption: string
}

/** The trend's series, named as the tiles and the reports name the same figures (src/core/report). */
export const TREND_SERIES = { received: FIGURE_LABELS.received, resolved: FIGURE_LABELS.resolved } as const

/** 10/5 for the Monday 2026-10-05. */
export function weekLabel(weekStart: string): string {
  const [, month, day] = weekStart.split('-').map(Number)
  return `${month}/${day}`
}

/** Weekly trend: two lines, received and resolved, one point per week (oldest first). */
export function trendChart(trend: readonly TrendPoint[]): ChartSpec {
  const sorted = [...trend].sort((a, b) => a.weekStart.localeCompare(b.weekStart))
  const data = sorted.flatMap((point) => [
    { x: weekLabel(point.weekStart), y: point.received, series: TREND_SERIES.received },
    { x: weekLabel(point.weekStart), y: point.resolved, series: TREND_SERIES.resolved },
  ])
  return { kind: 'line', data, unit: 'count', caption: `按周${TREND_SERIES.received}与${TREND_SERIES.resolved}` }
}

/** Problems by category, most first; categories with none are left out. */
export function categoryChart(byCategory: readonly CategoryCount[]): ChartSpec {
  const data = byCategory
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((row) => ({ x: row.label, y: row.count }))
  return { kind: 'column', data, unit: 'count', caption: `按类别：${CATEGORY_COUNT_LABEL}` }
}

/** At most this many departments in the ranking chart (a phone's height). */
export const RANKING_MAX = 10

/** 区自然资源局 → 自然资源局: the district prefix says nothing in a district's ranking. */
export function shortDepartment(name: string): string {
  const short = name.replace(/^(区委区政府|区委|区|市)/, '')
  return short.length >= 2 ? short : name
}

const percent = (rate: number) => Math.round(rate * 1000) / 10

/**
 * Department ranking by on-time resolution rate (按时办结率), best on top. Departments without a resolved problem
 * have no rate and are not ranked (a rate of "—" is not 0%). When no department has a rate yet (early in the month),
 * the departments are ranked by what they received instead, and the caption says so.
 */
export function rankingChart(rows: readonly DepartmentRankingRow[]): ChartSpec {
  const rated = rows.filter((row): row is DepartmentRankingRow & { onTimeResolutionRate: number } => row.onTimeResolutionRate !== null)
  if (rated.length > 0) {
    const data = [...rated]
      .sort((a, b) => b.onTimeResolutionRate - a.onTimeResolutionRate || b.received - a.received || a.name.localeCompare(b.name))
      .slice(0, RANKING_MAX)
      .map((row) => ({ x: shortDepartment(row.name), y: percent(row.onTimeResolutionRate) }))
    return { kind: 'bar', data, unit: 'percent', caption: '部门按时办结率排名' }
  }
  const data = rows
    .filter((row) => row.received > 0)
    .sort((a, b) => b.received - a.received || b.overdue - a.overdue || a.name.localeCompare(b.name))
    .slice(0, RANKING_MAX)
    .map((row) => ({ x: shortDepartment(row.name), y: row.received }))
  return { kind: 'bar', data, unit: 'count', caption: '部门受理量排名（尚无办结）' }
}

export interface ValueAxis {
  min: number
  max?: number
  tickCount: number
  nice?: boolean
}

/**
 * The value axis: percentages 0–100; counts from 0 in whole numbers (a small count would otherwise show ticks of
 * 0.25), the scale's own nice ticks above that.
 */
export function valueAxis(spec: ChartSpec): ValueAxis {
  if (spec.unit === 'percent') return { min: 0, max: 100, tickCount: 5 }
  if (spec.unit === 'level') return { min: 0, max: 5, tickCount: 6 }
  const max = Math.max(0, ...spec.data.map((d) => d.y))
  if (max <= 4) return { min: 0, max: 4, tickCount: 5 }
  return { min: 0, tickCount: 5, nice: true }
}
