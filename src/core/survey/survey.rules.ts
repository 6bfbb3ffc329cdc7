import type { HolderType } from '../card/qualification'
import { fail, ok, type Result } from '../errors'
import { isRatingLevel, RATING_LEVELS } from '../rating/rating.levels'
import type { SurveyIndustry, SurveyItemKind, SurveyStatus } from './survey.labels'

/**
 * The life of a survey and what a holder may send to it. Pure: today's Shanghai date is passed in.
 *
 *   draft  ─publish→  open  ─close→  closed
 *
 * - Only a draft is edited; publishing fixes the questionnaire, so every answer answers the same questions.
 * - A published survey takes answers from its opening day to its closing day (Shanghai dates, inclusive). Before the
 *   opening day it is `scheduled`; after the closing day it is over by itself (phase `closed`), and an administrator
 *   may close it earlier. The day it closed is the earlier of the two, which is what the reports count.
 */

/** What holders and pages see: the stored status read against today's date. */
export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'closed'

export interface SurveyDates {
  status: SurveyStatus
  opensOn: string
  closesOn: string
  /** Shanghai date an administrator closed it; null while not closed by hand. */
  closedOn: string | null
}

export function surveyPhase(survey: SurveyDates, today: string): SurveyPhase {
  if (survey.status === 'draft') return 'draft'
  if (survey.status === 'closed' || today > survey.closesOn) return 'closed'
  return today < survey.opensOn ? 'scheduled' : 'open'
}

/** The day the survey stopped taking answers; null while it still takes them (or was never published). */
export function closedOnDate(survey: SurveyDates, today: string): string | null {
  if (survey.status === 'draft') return null
  if (survey.closedOn && survey.closedOn <= survey.closesOn) return survey.closedOn
  return today > survey.closesOn ? survey.closesOn : survey.closedOn
}

export function decideEdit(survey: SurveyDates): Result<null> {
  return survey.status === 'draft' ? ok(null) : fail('INVALID_TRANSITION', '问卷发布后不能再修改')
}

/** Publishing needs a closing day still ahead (or today): a survey nobody can answer is a mistake. */
export function decidePublish(survey: SurveyDates, today: string): Result<null> {
  if (survey.status !== 'draft') return fail('INVALID_TRANSITION', '该问卷已发布')
  if (survey.closesOn < today) return fail('DATE_IN_PAST', '截止日期已过，请修改截止日期后再发布')
  return ok(null)
}

export function decideClose(survey: SurveyDates, today: string): Result<null> {
  if (survey.status === 'draft') return fail('INVALID_TRANSITION', '问卷尚未发布，不能结束')
  if (surveyPhase(survey, today) === 'closed') return fail('INVALID_TRANSITION', '该问卷已结束')
  return ok(null)
}

export function decideAnswer(survey: SurveyDates, today: string): Result<null> {
  const phase = surveyPhase(survey, today)
  if (phase === 'open') return ok(null)
  return fail('SURVEY_NOT_OPEN', phase === 'scheduled' ? `该问卷${survey.opensOn}开始填写` : undefined)
}

export interface AudienceRule {
  cardTypes: readonly HolderType[]
  industries: readonly SurveyIndustry[]
}

/** A holder as the audience rule reads it: their card's type and the industries of their profile. */
export interface AudienceMember {
  cardType: HolderType
  industries: readonly string[]
}

/** Every list narrows; an empty one does not (so an empty audience is every holder). */
export function inAudience(rule: AudienceRule, member: AudienceMember): boolean {
  if (rule.cardTypes.length && !rule.cardTypes.includes(member.cardType)) return false
  if (rule.industries.length && !rule.industries.some((industry) => member.industries.includes(industry))) return false
  return true
}

/** The parts of a questionnaire the answer check reads. */
export interface AnswerableSection {
  title: string
  items: readonly ({ id: string; kind: SurveyItemKind; text: string; options?: readonly string[] })[]
}

/** Answers as stored: one per answered item. Free text is optional; every other item must be answered. */
export type CheckedAnswer =
  | { itemId: string; kind: 'rating'; level: number }
  | { itemId: string; kind: 'single' | 'multiple'; choices: string[] }
  | { itemId: string; kind: 'text'; text: string }

/**
 * The answers against the questionnaire: every rating and single-choice item answered with a level or one of its
 * options, multiple-choice items with distinct options of their own, free text optional; no answer to an item the
 * survey does not have. The message names the first item at fault by its aspect and number.
 */
export function checkAnswers(sections: readonly AnswerableSection[], answers: Readonly<Record<string, unknown>>): Result<CheckedAnswer[]> {
  const known = new Set(sections.flatMap((s) => s.items.map((i) => i.id)))
  if (Object.keys(answers).some((key) => !known.has(key))) return fail('VALIDATION_FAILED', '答案中有问卷没有的题目，请刷新后重新填写')
  const checked: CheckedAnswer[] = []
  for (const section of sections) {
    for (const [index, item] of section.items.entries()) {
      const where = `「${section.title}」第${index + 1}题`
      const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined
      if (item.kind === 'text') {
        if (value === undefined) continue
        if (typeof value !== 'string') return fail('VALIDATION_FAILED', `${where}应填写文字`)
        checked.push({ itemId: item.id, kind: 'text', text: value })
      } else if (item.kind === 'rating') {
        if (value === undefined) return fail('VALIDATION_FAILED', `请为${where}选择评价等级`)
        if (!isRatingLevel(value)) return fail('VALIDATION_FAILED', `${where}的评价等级应为${RATING_LEVELS.at(-1)}–${RATING_LEVELS[0]}`)
        checked.push({ itemId: item.id, kind: 'rating', level: value })
      } else {
        const options = item.options ?? []
        const choices = item.kind === 'single' ? (typeof value === 'string' ? [value] : value === undefined ? [] : null) : Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : null
        if (choices === null) return fail('VALIDATION_FAILED', `${where}的答案格式不正确`)
        if (choices.length === 0) return fail('VALIDATION_FAILED', `请回答${where}`)
        if (choices.some((c) => typeof c !== 'string' || !options.includes(c)) || new Set(choices).size !== choices.length) {
          return fail('VALIDATION_FAILED', `${where}的选项不在问卷之中，请刷新后重新选择`)
        }
        checked.push({ itemId: item.id, kind: item.kind, choices: choices as string[] })
      }
    }
  }
  return ok(checked)
}
