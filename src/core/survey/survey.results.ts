import { RATING_LEVELS, type RatingLevel } from '../rating/rating.levels'
import { DEFAULT_FINDING_THRESHOLD, type SurveyItemKind } from './survey.labels'

/**
 * The results of a survey, computed from the answers alone (never from counters kept on the side). Pure: the backend
 * reads the answer rows, which carry no holder (answers are anonymous by construction), and passes them in.
 *
 * Averages are of the answers: an aspect's or a department's average weighs every rating given to its items alike,
 * so an item few answered does not count as much as one everybody answered. Two decimals, as surveys are reported.
 */

export type LevelCounts = Record<RatingLevel, number>

export interface RatingStats {
  /** Ratings given. */
  count: number
  /** null when nobody rated. */
  average: number | null
  distribution: LevelCounts
}

export interface ItemResult {
  itemId: string
  sectionId: string
  kind: SurveyItemKind
  text: string
  departmentId: string | null
  /** Holders who answered the item. */
  answered: number
  /** Rating items only. */
  rating: RatingStats | null
  /** Choice items only: every option in the questionnaire's order, chosen or not. */
  options: { option: string; count: number }[] | null
  /** Free-text items only: the texts without who wrote them, in no particular order. */
  texts: string[] | null
}

export interface SectionResult extends RatingStats {
  sectionId: string
  title: string
}

export interface DepartmentResult extends RatingStats {
  departmentId: string
  /** Rating items mapped to the department. */
  itemCount: number
}

/** A rating item whose average is at or below the survey's threshold. */
export interface Finding {
  itemId: string
  sectionId: string
  sectionTitle: string
  text: string
  departmentId: string | null
  average: number
  count: number
}

export interface SurveyResults {
  responseCount: number
  threshold: number
  sections: SectionResult[]
  items: ItemResult[]
  departments: DepartmentResult[]
  /** Lowest average first. */
  findings: Finding[]
}

export interface ResultSection {
  id: string
  title: string
  items: readonly { id: string; kind: SurveyItemKind; text: string; options?: readonly string[]; departmentId?: string | null }[]
}

/** One stored answer: a level, the options chosen, or a text. */
export interface AnswerRow {
  itemId: string
  level?: number | null
  choices?: readonly string[] | null
  text?: string | null
}

const emptyCounts = (): LevelCounts => ({ 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 })

export const round2 = (value: number) => Math.round(value * 100) / 100

export function ratingStats(levels: readonly number[]): RatingStats {
  const distribution = emptyCounts()
  for (const level of levels) if ((RATING_LEVELS as readonly number[]).includes(level)) distribution[level as RatingLevel]++
  const count = RATING_LEVELS.reduce((n, level) => n + distribution[level], 0)
  const sum = RATING_LEVELS.reduce((n, level) => n + level * distribution[level], 0)
  return { count, average: count ? round2(sum / count) : null, distribution }
}

/** Stats of several groups taken together, as if their ratings were one list. */
export function mergeStats(parts: readonly RatingStats[]): RatingStats {
  const levels: number[] = []
  for (const part of parts) for (const level of RATING_LEVELS) for (let i = 0; i < part.distribution[level]; i++) levels.push(level)
  return ratingStats(levels)
}

export function surveyResults(
  sections: readonly ResultSection[],
  answers: readonly AnswerRow[],
  responseCount: number,
  threshold: number = DEFAULT_FINDING_THRESHOLD,
): SurveyResults {
  const byItem = new Map<string, AnswerRow[]>()
  for (const answer of answers) byItem.set(answer.itemId, [...(byItem.get(answer.itemId) ?? []), answer])

  const items: ItemResult[] = []
  const sectionResults: SectionResult[] = []
  const departmentLevels = new Map<string, { items: number; levels: number[] }>()
  for (const section of sections) {
    const sectionLevels: number[] = []
    for (const item of section.items) {
      const rows = byItem.get(item.id) ?? []
      const departmentId = item.kind === 'rating' ? (item.departmentId ?? null) : null
      const levels = item.kind === 'rating' ? rows.map((r) => r.level).filter((l): l is number => typeof l === 'number') : []
      sectionLevels.push(...levels)
      if (departmentId) {
        const entry = departmentLevels.get(departmentId) ?? { items: 0, levels: [] }
        entry.items++
        entry.levels.push(...levels)
        departmentLevels.set(departmentId, entry)
      }
      items.push({
        itemId: item.id,
        sectionId: section.id,
        kind: item.kind,
        text: item.text,
        departmentId,
        answered: rows.length,
        rating: item.kind === 'rating' ? ratingStats(levels) : null,
        options:
          item.kind === 'single' || item.kind === 'multiple'
            ? (item.options ?? []).map((option) => ({ option, count: rows.filter((r) => r.choices?.includes(option)).length }))
            : null,
        texts: item.kind === 'text' ? rows.map((r) => r.text).filter((t): t is string => typeof t === 'string' && t.length > 0) : null,
      })
    }
    sectionResults.push({ sectionId: section.id, title: section.title, ...ratingStats(sectionLevels) })
  }

  const titles = new Map(sections.map((s) => [s.id, s.title]))
  const findings: Finding[] = items
    .filter((i) => i.rating?.average != null && i.rating.average <= threshold)
    .map((i) => ({ itemId: i.itemId, sectionId: i.sectionId, sectionTitle: titles.get(i.sectionId) ?? '', text: i.text, departmentId: i.departmentId, average: i.rating!.average!, count: i.rating!.count }))
    .sort((a, b) => a.average - b.average)

  const departments = [...departmentLevels].map(([departmentId, { items: itemCount, levels }]) => ({ departmentId, itemCount, ...ratingStats(levels) }))
  return { responseCount, threshold, sections: sectionResults, items, departments, findings }
}

/** What a department sees of a survey: everything anonymous, but only its own findings and score. */
export function departmentView(results: SurveyResults, departmentId: string): SurveyResults {
  return {
    ...results,
    departments: results.departments.filter((d) => d.departmentId === departmentId),
    findings: results.findings.filter((f) => f.departmentId === departmentId),
  }
}
