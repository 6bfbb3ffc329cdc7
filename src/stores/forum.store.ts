import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { forumSchemas, type ForumView, type TopicView } from '@/core/forum/forum.schema'
import { IdempotencyKeeper } from '@/utils/idempotency'
import { shownError, type ShownError } from '@/utils/errors'
import { byField } from './field-errors'

/**
 * 政企座谈会 for a holder: the meetings, 报名, and the topics their enterprise raised with what became of each; a new
 * topic is validated on the device with the backend's schema and sent with a key kept across retries.
 */
export class ForumStore {
  items: ForumView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null

  selected: (ForumView & { topics: TopicView[] }) | null = null
  signingUp = false

  title = ''
  description = ''
  topicErrors: Record<string, string> = {}
  submitting = false
  submitted = false
  private readonly signUpKey = new IdempotencyKeeper()
  private readonly topicKey = new IdempotencyKeeper()

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<ForumStore, 'api' | 'signUpKey' | 'topicKey'>(this, { api: false, signUpKey: false, topicKey: false })
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('forums', 'list')
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = shownError(res.error)
    })
  }

  async open(sessionId: string): Promise<void> {
    this.error = null
    this.submitted = false
    const res = await this.api.call('forums', 'get', { sessionId })
    runInAction(() => {
      if (res.ok) this.selected = res.data
      else this.error = shownError(res.error)
    })
  }

  /** Topics may be raised while the meeting is ahead and the enterprise has a seat. */
  get topicsOpen(): boolean {
    const forum = this.selected
    return Boolean(forum && forum.mySignUp && forum.status === 'scheduled' && Date.parse(forum.start) > Date.now())
  }

  get canSignUp(): boolean {
    const forum = this.selected
    return Boolean(forum && !forum.mySignUp && forum.status === 'scheduled' && Date.parse(forum.start) > Date.now() && forum.signedUp < forum.capacity)
  }

  async signUp(): Promise<void> {
    const forum = this.selected
    if (!forum || this.signingUp) return
    this.signingUp = true
    this.error = null
    const res = await this.api.call('forums', 'signUp', { sessionId: forum.sessionId, idempotencyKey: this.signUpKey.keyFor(forum.sessionId) })
    runInAction(() => {
      this.signingUp = false
      if (res.ok) {
        this.signUpKey.done()
        this.selected = { ...res.data, topics: this.selected?.topics ?? [] }
        this.items = this.items.map((f) => (f.sessionId === res.data.sessionId ? res.data : f))
      } else this.error = shownError(res.error)
    })
  }

  setTitle(value: string): void {
    this.title = value
    this.submitted = false
  }

  setDescription(value: string): void {
    this.description = value
    this.submitted = false
  }

  async submitTopic(): Promise<void> {
    const forum = this.selected
    if (!forum || this.submitting) return
    const content = { sessionId: forum.sessionId, title: this.title, description: this.description }
    const parsed = forumSchemas.submitTopic.safeParse({ ...content, idempotencyKey: this.topicKey.keyFor(content) })
    if (!parsed.success) {
      this.topicErrors = byField(parsed.error.issues)
      return
    }
    this.topicErrors = {}
    this.submitting = true
    this.error = null
    const res = await this.api.call('forums', 'submitTopic', parsed.data)
    runInAction(() => {
      this.submitting = false
      if (res.ok && this.selected) {
        this.topicKey.done()
        this.title = ''
        this.description = ''
        this.submitted = true
        this.selected = { ...this.selected, topicCount: this.selected.topicCount + 1, topics: [...this.selected.topics.filter((t) => t.id !== res.data.id), res.data] }
      } else if (!res.ok) this.error = shownError(res.error)
    })
  }
}
