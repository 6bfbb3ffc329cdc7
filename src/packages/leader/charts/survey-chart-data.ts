import type { SurveyResults } from '@/core/survey/survey.results'
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '@/core/rating/rating.levels'
import { shortDepartment, type ChartSpec } from './chart-data'

/** What the survey results page charts (as the dashboard's: plain data, drawn by F2Chart). */

/** Average per aspect, in the questionnaire's order; aspects nobody rated are left out. */
export function aspectChart(results: Pick<SurveyResults, 'sections'>): ChartSpec {
  const data = results.sections.filter((s) => s.average !== null).map((s) => ({ x: s.title, y: s.average! }))
  return { kind: 'bar', data, unit: 'level', caption: '各方面平均分（5分为非常满意）' }
}

/** Average per department, best on top. */
export function departmentChart(results: Pick<SurveyResults, 'departments'>, names: Record<string, string>): ChartSpec {
  const data = results.departments
    .filter((d) => d.average !== null)
    .sort((a, b) => b.average! - a.average!)
    .map((d) => ({ x: shortDepartment(names[d.departmentId] ?? ''), y: d.average! }))
  return { kind: 'bar', data, unit: 'level', caption: '各部门平均分' }
}

/** How all ratings spread over the five levels. */
export function levelChart(results: Pick<SurveyResults, 'sections'>): ChartSpec {
  const data = RATING_LEVELS.map((level) => ({ x: RATING_LEVEL_LABELS[level], y: results.sections.reduce((n, s) => n + s.distribution[level], 0) }))
  return { kind: 'column', data: data.some((d) => d.y > 0) ? data : [], unit: 'count', caption: '评价等级分布' }
}
