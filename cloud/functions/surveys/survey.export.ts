import { inArray } from 'drizzle-orm'
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '../../../src/core/rating/rating.levels'
import { SURVEY_ITEM_KIND_LABELS } from '../../../src/core/survey/survey.labels'
import { surveyResults, type RatingStats } from '../../../src/core/survey/survey.results'
import type { SurveyView } from '../../../src/core/survey/survey.schema'
import { departments } from '../../db/schema'
import type { Tx } from '../../db/store'
import { buildDetailWorkbook, type Cell, type DetailSheet } from '../reports/report.workbook'
import { answersOf, type SurveyRow } from './surveys.queries'

/** e.g. 营商环境企业评价调查-结果.xlsx: the title, with what a file name cannot hold replaced. */
export const surveyFileName = (view: Pick<SurveyView, 'title'>) => `${view.title.replace(/[\\/:*?"<>|]/g, '_')}-结果.xlsx`

const columns = (...pairs: Array<[string, number]>) => pairs.map(([header, width]) => ({ header, width }))
const levelColumns = () => columns(...RATING_LEVELS.map((level): [string, number] => [`${RATING_LEVEL_LABELS[level]}(${level})`, 10]))
const levelCells = (stats: RatingStats): Cell[] => [stats.count, stats.average, ...RATING_LEVELS.map((level) => stats.distribution[level])]

/**
 * The results as a workbook: aspects, items, departments, findings and the free-text opinions — aggregates and
 * texts only, like the results page; the answers carry no names, so neither can the file.
 */
export async function surveyWorkbook(tx: Tx, row: SurveyRow, view: SurveyView, now: Date): Promise<Buffer> {
  const results = surveyResults(view.sections, await answersOf(tx, row.id), view.responseCount ?? 0, row.findingThreshold)
  const ids = [...new Set(results.items.flatMap((i) => (i.departmentId ? [i.departmentId] : [])))]
  const names = new Map((ids.length ? await tx.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)) : []).map((d) => [d.id, d.name]))
  const department = (id: string | null) => (id ? (names.get(id) ?? '') : null)
  const titles = new Map(results.sections.map((s) => [s.sectionId, s.title]))

  const aspects: DetailSheet = {
    columns: [...columns(['方面', 16], ['评价数', 8], ['平均分', 8]), ...levelColumns()],
    rows: results.sections.map((s) => [s.title, ...levelCells(s)]),
  }
  const items: DetailSheet = {
    columns: [...columns(['编号', 8], ['方面', 12], ['题目', 40], ['题型', 8], ['责任部门', 18], ['作答数', 8], ['评价数', 8], ['平均分', 8]), ...levelColumns(), ...columns(['选项统计', 40])],
    rows: results.items.map((i) => [
      i.itemId, titles.get(i.sectionId) ?? '', i.text, SURVEY_ITEM_KIND_LABELS[i.kind], department(i.departmentId), i.answered,
      ...(i.rating ? levelCells(i.rating) : [null, null, ...RATING_LEVELS.map(() => null)]),
      i.options ? i.options.map((o) => `${o.option} ${o.count}`).join('；') : null,
    ]),
  }
  const byDepartment: DetailSheet = {
    columns: [...columns(['责任部门', 20], ['题目数', 8], ['评价数', 8], ['平均分', 8]), ...levelColumns()],
    rows: results.departments.map((d) => [department(d.departmentId), d.itemCount, ...levelCells(d)]),
  }
  const findings: DetailSheet = {
    columns: columns(['编号', 8], ['方面', 12], ['题目', 40], ['责任部门', 18], ['评价数', 8], ['平均分', 8]),
    rows: results.findings.map((f) => [f.itemId, f.sectionTitle, f.text, department(f.departmentId), f.count, f.average]),
  }
  const opinions: DetailSheet = {
    columns: columns(['方面', 12], ['题目', 40], ['意见内容', 80]),
    rows: results.items.flatMap((i) => (i.texts ?? []).map((text): Cell[] => [titles.get(i.sectionId) ?? '', i.text, text])),
  }
  return buildDetailWorkbook(now, [
    { name: '方面', detail: aspects },
    { name: '题目', detail: items },
    { name: '部门', detail: byDepartment },
    { name: `问题项（≤${results.threshold}）`, detail: findings },
    { name: '意见建议', detail: opinions },
  ])
}
