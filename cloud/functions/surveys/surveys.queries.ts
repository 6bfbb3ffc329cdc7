import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import type { HolderType } from '../../../src/core/card/qualification'
import { fail, type Failure } from '../../../src/core/errors'
import type { SurveyIndustry } from '../../../src/core/survey/survey.labels'
import { inAudience, surveyPhase } from '../../../src/core/survey/survey.rules'
import type { NotAnsweredHolder, SurveySection, SurveySummary, SurveyView } from '../../../src/core/survey/survey.schema'
import { cards, holders, policyProfiles, surveyAnswers, surveyResponses, surveys } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Caller } from '../action'

export type SurveyRow = typeof surveys.$inferSelect

/** The roles that see every published survey and its aggregates (not who answered what: nobody sees that). */
export const OVERSEERS = ['admin', 'leader', 'handler'] as const

const isAdmin = (caller: Caller) => caller.roles.includes('admin')
const isOverseer = (caller: Caller) => OVERSEERS.some((role) => caller.roles.includes(role))

/** The caller's enterprise as the audience rule reads it: its active card's type and its profile's industries. */
export interface Member {
  holderId: string
  cardType: HolderType
  industries: string[]
}

export async function memberOf(tx: Tx, caller: Caller): Promise<Member | null> {
  if (!caller.roles.includes('holder')) return null
  const [card] = await tx
    .select({ holderId: cards.holderId, cardType: cards.type, industries: policyProfiles.industries })
    .from(cards)
    .leftJoin(policyProfiles, eq(policyProfiles.holderId, cards.holderId))
    .where(and(eq(cards.userId, caller.id), eq(cards.status, 'active')))
    .limit(1)
  return card ? { holderId: card.holderId, cardType: card.cardType, industries: card.industries ?? [] } : null
}

const audienceOf = (row: SurveyRow) => ({ cardTypes: row.cardTypes as HolderType[], industries: row.industries as SurveyIndustry[] })
const sectionsOf = (row: SurveyRow) => row.sections as SurveySection[]

export function summaryOf(row: SurveyRow, today: string, answered: boolean | null, responseCount: number | null): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    phase: surveyPhase(row, today),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    itemCount: sectionsOf(row).reduce((n, s) => n + s.items.length, 0),
    answered,
    responseCount,
  }
}

export function viewOf(row: SurveyRow, today: string, answered: boolean | null, responseCount: number | null): SurveyView {
  return {
    ...summaryOf(row, today, answered, responseCount),
    description: row.description,
    sections: sectionsOf(row),
    audience: audienceOf(row),
    findingThreshold: row.findingThreshold,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  }
}

export async function responseCounts(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map()
  const rows = await tx
    .select({ id: surveyResponses.surveyId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, ids))
    .groupBy(surveyResponses.surveyId)
  return new Map(rows.map((r) => [r.id, Number(r.n)]))
}

async function answeredBy(tx: Tx, holderId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await tx
    .select({ id: surveyResponses.surveyId })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.holderId, holderId), inArray(surveyResponses.surveyId, ids)))
  return new Set(rows.map((r) => r.id))
}

/**
 * The surveys a caller may see: administrators every one; leaders and handlers the published ones; a holder those
 * published and addressed to their enterprise (drafts and other audiences are nobody else's business).
 */
export async function visibleSurveys(tx: Tx, caller: Caller, where?: SQL): Promise<{ rows: SurveyRow[]; member: Member | null }> {
  const member = await memberOf(tx, caller)
  if (!isAdmin(caller) && !isOverseer(caller) && !member) return { rows: [], member }
  const seesDrafts = isAdmin(caller)
  const rows = await tx
    .select()
    .from(surveys)
    .where(and(where, seesDrafts ? undefined : ne(surveys.status, 'draft')))
    .orderBy(desc(surveys.createdAt), asc(surveys.id))
    .limit(200)
  const visible = isOverseer(caller) ? rows : rows.filter((row) => member && inAudience(audienceOf(row), member))
  return { rows: visible, member }
}

/** Summaries as the caller sees them: holders whether they answered, the others how many did. */
export async function summariesFor(tx: Tx, caller: Caller, rows: SurveyRow[], member: Member | null, now: Date): Promise<SurveySummary[]> {
  const today = shanghaiDate(now)
  const ids = rows.map((r) => r.id)
  const counts = isOverseer(caller) ? await responseCounts(tx, ids) : null
  const answered = member ? await answeredBy(tx, member.holderId, ids) : null
  return rows.map((row) => summaryOf(row, today, answered ? answered.has(row.id) : null, counts ? (counts.get(row.id) ?? 0) : null))
}

/** One survey the caller may see, with its view; NOT_FOUND otherwise (whether it exists is nobody else's business). */
export async function surveyFor(tx: Tx, caller: Caller, id: string, now: Date): Promise<{ row: SurveyRow; view: SurveyView; member: Member | null } | Failure> {
  const { rows, member } = await visibleSurveys(tx, caller, eq(surveys.id, id))
  const [row] = rows
  if (!row) return fail('NOT_FOUND', '问卷不存在')
  const [summary] = await summariesFor(tx, caller, [row], member, now)
  return { row, member, view: viewOf(row, shanghaiDate(now), summary.answered, summary.responseCount) }
}

/**
 * The answers of a survey for its results: levels, choices and texts by item, and nothing else — the table holds
 * nothing else (see surveyAnswers), so what a department reads is anonymous whatever this query joins.
 */
export async function answersOf(tx: Tx, surveyId: string) {
  return tx
    .select({ itemId: surveyAnswers.itemId, level: surveyAnswers.level, choices: surveyAnswers.choices, text: surveyAnswers.text })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.surveyId, surveyId))
    .orderBy(asc(surveyAnswers.itemId), asc(surveyAnswers.sheetId))
}

/**
 * The audience's holders (an active card of the survey's types, a profile in its industries) who have not answered:
 * for administrators, to remind them.
 */
export async function notAnswered(tx: Tx, row: SurveyRow): Promise<{ audienceSize: number; holders: NotAnsweredHolder[] }> {
  const members = await tx
    .selectDistinctOn([holders.id], {
      holderId: holders.id,
      name: holders.name,
      contactName: holders.contactName,
      contactPhone: holders.contactPhone,
      cardType: cards.type,
      industries: policyProfiles.industries,
      answered: sql<boolean>`EXISTS (SELECT 1 FROM ${surveyResponses} WHERE ${surveyResponses.surveyId} = ${row.id} AND ${surveyResponses.holderId} = ${holders.id})`,
    })
    .from(cards)
    .innerJoin(holders, eq(holders.id, cards.holderId))
    .leftJoin(policyProfiles, eq(policyProfiles.holderId, holders.id))
    .where(eq(cards.status, 'active'))
    .orderBy(asc(holders.id))
  const audience = members.filter((m) => inAudience(audienceOf(row), { cardType: m.cardType, industries: m.industries ?? [] }))
  return {
    audienceSize: audience.length,
    holders: audience
      .filter((m) => !m.answered)
      .map(({ holderId, name, contactName, contactPhone }) => ({ holderId, name, contactName, contactPhone }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  }
}
