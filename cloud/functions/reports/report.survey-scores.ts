import { and, ne, sql } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import { periodDays, surveyScoreOf, type SurveyScore } from '../../../src/core/report/report.survey-score'
import { surveyResults, type RatingStats } from '../../../src/core/survey/survey.results'
import type { SurveySection } from '../../../src/core/survey/survey.schema'
import { surveys } from '../../db/schema'
import type { Tx } from '../../db/store'
import { answersOf } from '../surveys/surveys.queries'

/**
 * The departments' survey scores of a month or a year: every survey that stopped taking answers in the period (closed
 * by an administrator, or past its closing day; see closedOnDate) and before today, each department's ratings in them.
 * Read at request time: a closed survey's answers no longer change.
 */
export async function surveyScores(tx: Tx, period: { month: string } | { year: number }, now: Date): Promise<Map<string, SurveyScore>> {
  const { from, to } = periodDays(period)
  const today = shanghaiDate(now)
  const closedOn = sql`LEAST(COALESCE(${surveys.closedOn}, ${surveys.closesOn}), ${surveys.closesOn})`
  const closed = await tx
    .select({ id: surveys.id, sections: surveys.sections, threshold: surveys.findingThreshold })
    .from(surveys)
    .where(
      and(
        ne(surveys.status, 'draft'),
        sql`(${closedOn} BETWEEN ${from}::date AND ${to}::date)`,
        // Past its closing day, or closed by hand (which may be today).
        sql`(${closedOn} < ${today}::date OR ${surveys.closedOn} IS NOT NULL)`,
      ),
    )
  const perDepartment = new Map<string, RatingStats[]>()
  for (const survey of closed) {
    const results = surveyResults(survey.sections as SurveySection[], await answersOf(tx, survey.id), 0, survey.threshold)
    for (const department of results.departments.filter((d) => d.count > 0)) perDepartment.set(department.departmentId, [...(perDepartment.get(department.departmentId) ?? []), department])
  }
  return new Map([...perDepartment].map(([id, stats]) => [id, surveyScoreOf(stats)]))
}
