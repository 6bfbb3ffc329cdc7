import { mergeStats, type RatingStats } from '../survey/survey.results'

/**
 * A department's survey score in a report (企业评判部门, feeding the annual appraisal): the ratings its items received in
 * the surveys that closed in the period, taken together. A survey counts in the month (and year) it closed: its
 * answers cannot change after that, so the score needs no freezing of its own.
 */
export interface SurveyScore {
  /** Surveys that closed in the period and rated the department. */
  surveys: number
  /** Ratings of its items in them. */
  ratings: number
  /** Average level (1–5, two decimals); null when nobody rated its items. */
  average: number | null
}

/** The score of one department from its results in each survey (one RatingStats per survey). */
export function surveyScoreOf(perSurvey: readonly RatingStats[]): SurveyScore {
  const merged = mergeStats(perSurvey)
  return { surveys: perSurvey.length, ratings: merged.count, average: merged.average }
}

/** A period's first and last day (Shanghai dates) from a month or a year. */
export function periodDays(period: { month: string } | { year: number }): { from: string; to: string } {
  if ('month' in period) {
    const [y, m] = period.month.split('-').map(Number)
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    return { from: `${period.month}-01`, to: `${period.month}-${String(last).padStart(2, '0')}` }
  }
  const year = String(period.year).padStart(4, '0')
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}
