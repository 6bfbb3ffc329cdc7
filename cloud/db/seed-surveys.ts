import { addDays, shanghaiDate } from '../../src/core/calendar/shanghai-time'
import { DEFAULT_FINDING_THRESHOLD } from '../../src/core/survey/survey.labels'
import { BUSINESS_ENVIRONMENT_TEMPLATE } from '../../src/core/survey/survey.template'
import { surveyAnswers, surveyResponses, surveys } from './schema'
import type { Tx } from './store'

/** Which demo department each aspect of the 营商环境 template rates (the others name none). */
const ASPECT_DEPARTMENTS: Record<string, string> = { a1: 'FGJ', a2: 'ZRZY', a4: 'XZSP', a5: 'ZRZY', a7: 'RSJ', a8: 'ZJJ' }

/**
 * The demo's 营商环境 survey, published and open for two weeks, answered already by 环翠蓝海食品 (holder-other), who
 * rated 项目落地's approvals 不满意: holder-demo can answer it, and the administrator finds a finding to turn into a
 * problem. The answers are stored as the answer action stores them (no holder on them).
 */
export async function seedSurveys(
  tx: Tx,
  deps: { newId: () => string; now: Date; adminId: string; departmentIds: Map<string, string>; userIds: Map<string, string>; holderOfUser: Map<string, string> },
): Promise<void> {
  const { newId, now } = deps
  const today = shanghaiDate(now)
  const sections = BUSINESS_ENVIRONMENT_TEMPLATE.sections.map((section) => ({
    ...section,
    items: section.items.map((item) =>
      item.kind === 'rating' ? { ...item, departmentId: deps.departmentIds.get(ASPECT_DEPARTMENTS[section.id]) ?? null } : item,
    ),
  }))
  const surveyId = newId()
  await tx.insert(surveys).values({
    id: surveyId,
    title: `${today.slice(0, 4)}年${BUSINESS_ENVIRONMENT_TEMPLATE.title}`,
    description: BUSINESS_ENVIRONMENT_TEMPLATE.description,
    sections,
    opensOn: today,
    closesOn: addDays(today, 14),
    findingThreshold: DEFAULT_FINDING_THRESHOLD,
    status: 'open',
    createdBy: deps.adminId,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  })
  const holderId = deps.holderOfUser.get('holder-other')!
  await tx.insert(surveyResponses).values({ surveyId, holderId, userId: deps.userIds.get('holder-other')!, idempotencyKey: 'demo-survey-answer', answeredAt: now })
  const sheetId = newId()
  const low: Record<string, number> = { 'a2-1': 2, 'a6-2': 3, 'a4-3': 3 }
  await tx.insert(surveyAnswers).values(
    sections.flatMap((section) =>
      section.items.map((item) => ({
        surveyId,
        sheetId,
        itemId: item.id,
        level: item.kind === 'rating' ? (low[item.id] ?? 4) : null,
        choices: item.kind === 'single' || item.kind === 'multiple' ? [item.options![0]] : null,
        text: item.kind === 'text' ? '项目审批环节多、等待时间长，希望压缩用地手续办理时限' : null,
      })),
    ),
  )
}
