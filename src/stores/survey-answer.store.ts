import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { RATING_LEVELS } from '@/core/rating/rating.levels'
import type { AnswerValue, SurveyView } from '@/core/survey/survey.schema'
import { shownError, type ShownError } from '@/utils/errors'
import { newIdempotencyKey } from '@/utils/idempotency'
import { readLocal, removeLocal, writeLocal } from '@/utils/local-store'

/** What the phone keeps of an unfinished answer sheet (per user and survey), and the key of a send that may have landed. */
export interface SurveyDraft {
  answers: Record<string, AnswerValue>
  idempotencyKey: string
}

export const surveyDraftKey = (userId: string, surveyId: string) => `survey-draft:${userId}:${surveyId}`

const isAnswer = (value: unknown): value is AnswerValue =>
  (typeof value === 'number' && (RATING_LEVELS as readonly number[]).includes(value)) ||
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'))

export function isSurveyDraft(value: unknown): value is SurveyDraft {
  if (typeof value !== 'object' || value === null) return false
  const { answers, idempotencyKey } = value as Partial<SurveyDraft>
  return typeof idempotencyKey === 'string' && typeof answers === 'object' && answers !== null && Object.values(answers).every(isAnswer)
}

/**
 * A holder answering one survey. Every change is kept on the phone at once (Taro storage), so a sheet half filled
 * survives a restart or a lost network; the idempotency key is kept with it, so a send that reached the server before
 * the network failed is answered with the first result, not refused as a second answer. Sent: the draft is removed.
 */
export class SurveyAnswerStore {
  survey: SurveyView | null = null
  answers: Record<string, AnswerValue> = {}
  loading = false
  sending = false
  error: ShownError | null = null
  /** When the answer was recorded (this session). */
  sentAt: string | null = null
  private idempotencyKey = newIdempotencyKey()
  private draftKey: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<SurveyAnswerStore, 'api' | 'idempotencyKey' | 'draftKey'>(this, { api: false, idempotencyKey: false, draftKey: false })
  }

  async load(surveyId: string, userId: string): Promise<void> {
    this.loading = true
    this.error = null
    this.draftKey = surveyDraftKey(userId, surveyId)
    const draft = readLocal(this.draftKey, isSurveyDraft)
    const res = await this.api.call('surveys', 'get', { id: surveyId })
    runInAction(() => {
      this.loading = false
      if (!res.ok) {
        this.error = shownError(res.error)
        return
      }
      this.survey = res.data
      if (draft) {
        this.answers = draft.answers
        this.idempotencyKey = draft.idempotencyKey
      }
    })
  }

  /** Items the holder must still answer (every rating and choice item; free text is optional). */
  get missing(): string[] {
    const sections = this.survey?.sections ?? []
    return sections.flatMap((s) =>
      s.items.filter((i) => i.kind !== 'text' && (this.answers[i.id] === undefined || (Array.isArray(this.answers[i.id]) && (this.answers[i.id] as string[]).length === 0))).map((i) => i.id),
    )
  }

  get requiredCount(): number {
    return this.survey?.sections.flatMap((s) => s.items).filter((i) => i.kind !== 'text').length ?? 0
  }

  get answeredCount(): number {
    return this.requiredCount - this.missing.length
  }

  get canAnswer(): boolean {
    return this.survey?.phase === 'open' && this.survey.answered === false && this.sentAt === null
  }

  setAnswer(itemId: string, value: AnswerValue | undefined): void {
    const next = { ...this.answers }
    if (value === undefined || value === '') delete next[itemId]
    else next[itemId] = value
    this.answers = next
    this.keep()
  }

  /** A multiple-choice option on or off. */
  toggleChoice(itemId: string, option: string): void {
    const current = Array.isArray(this.answers[itemId]) ? (this.answers[itemId] as string[]) : []
    this.setAnswer(itemId, current.includes(option) ? current.filter((o) => o !== option) : [...current, option])
  }

  private keep(): void {
    if (this.draftKey) writeLocal(this.draftKey, { answers: this.answers, idempotencyKey: this.idempotencyKey } satisfies SurveyDraft)
  }

  async submit(): Promise<boolean> {
    const survey = this.survey
    if (!survey || this.sending) return false
    if (this.missing.length) {
      this.error = { code: 'VALIDATION_FAILED', message: `还有${this.missing.length}道题未作答，请完成后再提交` }
      return false
    }
    this.sending = true
    this.error = null
    const res = await this.api.call('surveys', 'answer', { id: survey.id, answers: this.answers, idempotencyKey: this.idempotencyKey })
    runInAction(() => {
      this.sending = false
      if (res.ok) {
        this.sentAt = res.data.answeredAt
        if (this.draftKey) removeLocal(this.draftKey)
      } else {
        this.error = shownError(res.error)
        // Answered already (from another phone of the same enterprise): nothing left to keep.
        if (res.error.code === 'SURVEY_ALREADY_ANSWERED' && this.draftKey) removeLocal(this.draftKey)
      }
    })
    return res.ok
  }
}
