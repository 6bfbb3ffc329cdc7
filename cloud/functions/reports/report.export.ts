import { sql } from 'drizzle-orm'
import { PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { PROBLEM_SOURCE_LABELS, PROBLEM_STATUS_LABELS, type ProblemSource, type ProblemStatus } from '../../../src/core/problem/problem.machine'
import {
  APPEAL_STATUS_LABELS,
  RATING_KIND_LABELS,
  RATING_TARGET_TYPE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  isSatisfied,
  lowestLevel,
  type AppealStatus,
  type RatingKind,
  type RatingTargetType,
  type RectificationStatus,
} from '../../../src/core/rating/rating.levels'
import { monthRange, type Month } from '../../../src/core/report/report.figures'
import type { MonthlyReportView } from '../../../src/core/report/report.schema'
import { executedRows, type Tx } from '../../db/store'
import { COUNTED_ACTIONS, type InstantRange, type Row } from './report.figures.queries'
import { buildWorkbook, type Cell, type DetailSheet } from './report.workbook'

/**
 * The rows behind a month's figures, for the detail sheets of the export. The summary is the frozen report; these
 * are the ledger as it stands when exported (a problem resolved since shows as resolved), which is what a department
 * checks its figures against.
 */
const at = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string))
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))
const label = <K extends string>(labels: Record<K, string>, value: unknown): string => labels[value as K] ?? String(value ?? '')

/** Resolved in time: yes or no once resolved; no when the deadline has passed unresolved; blank otherwise. */
export function resolvedInTime(resolvedAt: Date | null, resolveBy: Date | null, now: Date): string | null {
  if (!resolveBy) return null
  if (resolvedAt) return resolvedAt <= resolveBy ? '是' : '否'
  return now > resolveBy ? '否（已超期未办结）' : null
}

const inRange = (column: string, range: InstantRange) =>
  sql`${sql.raw(column)} >= ${range.from.toISOString()}::timestamptz AND ${sql.raw(column)} < ${range.to.toISOString()}::timestamptz`

/**
 * Problems of the month: submitted in it, or with an event the figures count in it. The ids come from a UNION of two
 * index range scans (an OR across the two tables would scan every problem).
 */
async function problemSheet(tx: Tx, range: InstantRange, now: Date): Promise<DetailSheet> {
  const result = await tx.execute(sql`
    WITH ids AS (
      SELECT id FROM problems WHERE ${inRange('created_at', range)}
      UNION
      SELECT problem_id FROM problem_events WHERE action IN ${COUNTED_ACTIONS} AND ${inRange('at', range)}
    )
    SELECT p.number, p.category, p.title, p.source, d.name AS department, p.status, p.created_at, p.assigned_at,
           p.sign_by, p.signed_at, p.resolve_by, p.resolved_at, p.overdue, p.escalated
      FROM ids
      JOIN problems p ON p.id = ids.id
      LEFT JOIN departments d ON d.id = p.department_id
     ORDER BY p.created_at, p.number`)
  return {
    columns: [
      ['诉求编号', 16], ['类别', 8], ['标题', 30], ['来源', 16], ['责任部门', 20], ['状态', 12], ['提交时间', 17], ['交办时间', 17],
      ['签收时限', 17], ['签收时间', 17], ['办结时限', 17], ['办结时间', 17], ['按时办结', 16], ['超期', 6], ['专报', 6],
    ].map(([header, width]) => ({ header: header as string, width: width as number })),
    rows: executedRows<Row>(result).map((r: Row): Cell[] => [
      text(r.number), label(PROBLEM_CATEGORY_LABELS as Record<ProblemCategory, string>, r.category), text(r.title),
      label(PROBLEM_SOURCE_LABELS as Record<ProblemSource, string>, r.source), text(r.department), label(PROBLEM_STATUS_LABELS as Record<ProblemStatus, string>, r.status),
      at(r.created_at), at(r.assigned_at), at(r.sign_by), at(r.signed_at), at(r.resolve_by), at(r.resolved_at),
      resolvedInTime(at(r.resolved_at), at(r.resolve_by), now), Boolean(r.overdue), Boolean(r.escalated),
    ]),
  }
}

/** Every rating submitted in the month, follow-ups and removed ones included (marked), with its rectification. */
async function ratingSheet(tx: Tx, range: InstantRange): Promise<DetailSheet> {
  const result = await tx.execute(sql`
    SELECT r.created_at, r.kind, r.target_type, p.number AS problem_number, d.name AS department, s.name AS staff,
           r.attitude, r.quality, r.effectiveness, r.bad, r.appeal_status, r.comment,
           x.status AS rectification, x.rectify_by, x.rectified_at
      FROM ratings r
      LEFT JOIN departments d ON d.id = r.department_id
      LEFT JOIN users s ON s.id = r.staff_id
      LEFT JOIN problems p ON r.target_type = 'problem' AND p.id = r.target_id
      LEFT JOIN rectifications x ON x.rating_id = r.id
     WHERE ${inRange('r.created_at', range)}
     ORDER BY r.created_at, r.id`)
  return {
    columns: [
      ['评价时间', 17], ['类型', 6], ['评价对象', 12], ['诉求编号', 16], ['责任部门', 20], ['服务人员', 14], ['服务态度', 9], ['办理质量', 9], ['办理效果', 9],
      ['最低分', 7], ['满意', 6], ['差评', 6], ['申诉', 20], ['整改', 16], ['整改时限', 17], ['整改时间', 17], ['按时整改', 9], ['评价内容', 40],
    ].map(([header, width]) => ({ header: header as string, width: width as number })),
    rows: executedRows<Row>(result).map((r: Row): Cell[] => {
      const scores = { attitude: Number(r.attitude), quality: Number(r.quality), effectiveness: Number(r.effectiveness) }
      const rectifiedAt = at(r.rectified_at)
      const rectifyBy = at(r.rectify_by)
      return [
        at(r.created_at), label(RATING_KIND_LABELS as Record<RatingKind, string>, r.kind), label(RATING_TARGET_TYPE_LABELS as Record<RatingTargetType, string>, r.target_type),
        text(r.problem_number), text(r.department), text(r.staff), scores.attitude, scores.quality, scores.effectiveness, lowestLevel(scores),
        isSatisfied(scores), Boolean(r.bad), label(APPEAL_STATUS_LABELS as Record<AppealStatus, string>, r.appeal_status),
        r.rectification ? label(RECTIFICATION_STATUS_LABELS as Record<RectificationStatus, string>, r.rectification) : null,
        rectifyBy, rectifiedAt, rectifiedAt && rectifyBy ? rectifiedAt <= rectifyBy : null, text(r.comment),
      ]
    }),
  }
}

/** Problems that went overdue in the month (the `overdue` figure): which deadlines, first marked when. */
async function overdueSheet(tx: Tx, range: InstantRange): Promise<DetailSheet> {
  const result = await tx.execute(sql`
    SELECT p.number, p.category, p.title, d.name AS department, l.name AS leader, p.status, p.assigned_at,
           p.sign_by, p.signed_at, p.resolve_by, p.resolved_at, o.first_at, o.notes
      FROM (SELECT e.problem_id, MIN(e.at) AS first_at, string_agg(e.note, '；' ORDER BY e.at) AS notes
              FROM problem_events e
             WHERE e.action = 'markOverdue' AND ${inRange('e.at', range)}
             GROUP BY e.problem_id) o
      JOIN problems p ON p.id = o.problem_id
      LEFT JOIN departments d ON d.id = p.department_id
      LEFT JOIN users l ON l.id = p.leader_id
     ORDER BY o.first_at, p.number`)
  return {
    columns: [
      ['诉求编号', 16], ['类别', 8], ['标题', 30], ['责任部门', 20], ['责任领导', 14], ['状态', 12], ['交办时间', 17], ['签收时限', 17], ['签收时间', 17],
      ['办结时限', 17], ['办结时间', 17], ['超期情形', 24], ['标记超期时间', 17],
    ].map(([header, width]) => ({ header: header as string, width: width as number })),
    rows: executedRows<Row>(result).map((r: Row): Cell[] => [
      text(r.number), label(PROBLEM_CATEGORY_LABELS as Record<ProblemCategory, string>, r.category), text(r.title), text(r.department), text(r.leader),
      label(PROBLEM_STATUS_LABELS as Record<ProblemStatus, string>, r.status), at(r.assigned_at), at(r.sign_by), at(r.signed_at), at(r.resolve_by),
      at(r.resolved_at), text(r.notes), at(r.first_at),
    ]),
  }
}

/** The .xlsx of a month whose report exists: the frozen summary and the three detail sheets. */
export async function exportWorkbook(tx: Tx, report: MonthlyReportView, month: Month, now: Date): Promise<Buffer> {
  const range = monthRange(month)
  const problems = await problemSheet(tx, range, now)
  const ratings = await ratingSheet(tx, range)
  const overdue = await overdueSheet(tx, range)
  return buildWorkbook({ report, problems, ratings, overdue })
}
