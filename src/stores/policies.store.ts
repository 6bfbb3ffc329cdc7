import { makeAutoObservable, runInAction } from 'mobx'
import { openDocumentLink } from '@/api/attachment'
import type { ApiClient } from '@/api/client'
import type { PhotoSource, Uploader } from '@/api/upload'
import type { ApiInput } from '@/core/contract/api.contract'
import type { Result } from '@/core/errors/result'
import type { PolicyCardType, PolicyIndustry, PolicyKind, PolicyStatus, PolicyTag, PolicyTopic } from '@/core/policy/policy.labels'
import { MAX_POLICY_ATTACHMENTS, POLICY_LIMITS } from '@/core/policy/policy.limits'
import type { PolicyDetail, PolicyProfile, PolicyReach, PolicyView } from '@/core/policy/policy.schema'
import { IdempotencyKeeper } from '@/utils/idempotency'
import { shownError, type ShownError } from '@/utils/errors'

/**
 * 政策直通车's stores: the list (search, kind and tag filters, pages), 为我推荐, one policy (open, ask, publish,
 * withdraw, reach), the enterprise profile and the editor. Pages build the ones they use; zod stays out (the limits
 * come from policy.limits.ts).
 */

export interface PolicyFilters {
  q?: string
  kind?: PolicyKind
  tag?: PolicyTag
  status?: PolicyStatus
}

export class PolicyListStore {
  filters: PolicyFilters
  items: PolicyView[] = []
  nextCursor: string | null = null
  loaded = false
  loading = false
  error: ShownError | null = null
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    filters: PolicyFilters = {},
  ) {
    this.filters = { ...filters }
    makeAutoObservable<PolicyListStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  get hasMore(): boolean {
    return this.nextCursor !== null
  }

  setFilter<K extends keyof PolicyFilters>(key: K, value: PolicyFilters[K] | undefined): Promise<void> {
    const next = { ...this.filters }
    const trimmed = typeof value === 'string' ? value.trim() : value
    if (trimmed === undefined || trimmed === '') delete next[key]
    else next[key] = trimmed as PolicyFilters[K]
    this.filters = next
    return this.load()
  }

  async load(): Promise<void> {
    await this.fetch(null)
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loading) return
    await this.fetch(this.nextCursor)
  }

  private async fetch(cursor: string | null): Promise<void> {
    const generation = cursor ? this.generation : ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('policies', 'list', { ...this.filters, ...(cursor ? { cursor } : {}) })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) {
        const seen = new Set(cursor ? this.items.map((item) => item.id) : [])
        this.items = [...(cursor ? this.items : []), ...res.data.items.filter((item) => !seen.has(item.id))]
        this.nextCursor = res.data.nextCursor
      } else {
        if (!cursor) this.items = []
        this.error = shownError(res.error)
      }
    })
  }
}

/** 为我推荐: matching policies first, then the newest, and the profile they were matched with. */
export class RecommendedStore {
  items: PolicyView[] = []
  profile: PolicyProfile | null = null
  loaded = false
  loading = false
  error: ShownError | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<RecommendedStore, 'api'>(this, { api: false })
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('policies', 'recommended')
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.items = res.data.items
        this.profile = res.data.profile
      } else {
        this.error = shownError(res.error)
      }
    })
  }
}

/** One policy: opening it, 咨询 (a question that becomes a problem of category 政策), and its managers' actions. */
export class PolicyDetailStore {
  policy: PolicyDetail | null = null
  reach: PolicyReach | null = null
  loading = false
  busy = false
  error: ShownError | null = null
  /** The question being written (一键咨询). */
  askTitle = ''
  askText = ''
  askOpen = false
  askError: string | null = null
  withdrawReason = ''
  private readonly keys = new IdempotencyKeeper()

  constructor(
    private readonly api: ApiClient,
    readonly id: string,
  ) {
    makeAutoObservable<PolicyDetailStore, 'api' | 'keys'>(this, { api: false, keys: false })
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('policies', 'get', { id: this.id })
    runInAction(() => {
      this.loading = false
      if (res.ok) {
        this.policy = res.data
        if (!this.askTitle) this.askTitle = `咨询：${res.data.title}`.slice(0, 60)
      } else this.error = shownError(res.error)
    })
  }

  /** The figures of reach (leaders, administrators and the publishing department only). */
  async loadReach(): Promise<void> {
    const res = await this.api.call('policies', 'reach', { id: this.id })
    runInAction(() => {
      if (res.ok) this.reach = res.data
    })
  }

  setAsk(field: 'askTitle' | 'askText', value: string): void {
    this[field] = value
    this.askError = null
  }

  openAsk(open: boolean): void {
    this.askOpen = open
  }

  setWithdrawReason(value: string): void {
    this.withdrawReason = value
  }

  /** Opens a PDF attachment (`url`: where the uploader shows it). */
  async openDocument(url: string): Promise<void> {
    const res = await openDocumentLink(url)
    if (!res.ok) runInAction(() => (this.error = shownError(res.error)))
  }

  /** Sends the question; answers the problem's id to open, or null (the error is shown). */
  async ask(): Promise<string | null> {
    const title = this.askTitle.trim()
    const description = this.askText.trim()
    if (title.length < 2) return this.refuseAsk('请填写咨询标题（至少2个字）')
    if (description.length < 2) return this.refuseAsk('请写下想咨询的问题（至少2个字）')
    const payload = { id: this.id, title: title.slice(0, 60), description: description.slice(0, 2000) }
    this.busy = true
    const res = await this.api.call('policies', 'ask', { ...payload, idempotencyKey: this.keys.keyFor(payload) })
    return runInAction(() => {
      this.busy = false
      if (!res.ok) return this.refuseAsk(res.error.message)
      this.keys.done()
      this.askOpen = false
      this.askText = ''
      return res.data.problemId
    })
  }

  private refuseAsk(message: string): null {
    this.askError = message
    return null
  }

  async publish(): Promise<boolean> {
    return this.change(() => this.api.call('policies', 'publish', { id: this.id }))
  }

  async withdraw(): Promise<boolean> {
    if (this.withdrawReason.trim().length < POLICY_LIMITS.withdrawReason.min) {
      this.error = { code: 'VALIDATION_FAILED', message: '请填写撤回原因（至少2个字）' }
      return false
    }
    return this.change(() => this.api.call('policies', 'withdraw', { id: this.id, reason: this.withdrawReason.trim() }))
  }

  private async change(send: () => Promise<Result<PolicyDetail>>): Promise<boolean> {
    this.busy = true
    this.error = null
    const res = await send()
    return runInAction(() => {
      this.busy = false
      if (!res.ok) {
        this.error = shownError(res.error)
        return false
      }
      this.policy = res.data
      return true
    })
  }
}

/** 企业画像: the industries and topics policies are matched with. */
export class PolicyProfileStore {
  industries: PolicyIndustry[] = []
  topics: PolicyTopic[] = []
  cardType: PolicyCardType | null = null
  loaded = false
  saving = false
  saved = false
  error: ShownError | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<PolicyProfileStore, 'api'>(this, { api: false })
  }

  /** The profile as 为我推荐 reports it. */
  async load(): Promise<void> {
    const res = await this.api.call('policies', 'recommended')
    runInAction(() => {
      this.loaded = true
      if (!res.ok) {
        this.error = shownError(res.error)
        return
      }
      if (res.data.profile) {
        this.industries = res.data.profile.industries
        this.topics = res.data.profile.topics
        this.cardType = res.data.profile.cardType
      }
    })
  }

  toggleIndustry(key: PolicyIndustry): void {
    this.industries = toggled(this.industries, key)
    this.saved = false
  }

  toggleTopic(key: PolicyTopic): void {
    this.topics = toggled(this.topics, key)
    this.saved = false
  }

  async save(): Promise<boolean> {
    this.saving = true
    this.error = null
    const res = await this.api.call('policies', 'setProfile', { industries: this.industries, topics: this.topics })
    return runInAction(() => {
      this.saving = false
      if (!res.ok) {
        this.error = shownError(res.error)
        return false
      }
      this.saved = true
      return true
    })
  }
}

function toggled<T>(list: readonly T[], key: T): T[] {
  return list.includes(key) ? list.filter((k) => k !== key) : [...list, key]
}

export type PolicyDraftInput = ApiInput<'policies', 'save'>
type TextKey = 'title' | 'issuer' | 'docNumber' | 'issuedOn' | 'effectiveFrom' | 'effectiveTo' | 'applyBy' | 'summary' | 'body'

export interface EditorAttachment {
  /** Local to the editor: which entry an upload's answer belongs to. */
  id: number
  key: string | null
  /** Where the stored file can be shown (the uploader's link), once stored. */
  url: string | null
  name: string
  uploading: boolean
  error: string | null
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** The editor of a draft: every field, attachments uploaded as they are picked, checks by the shared limits. */
export class PolicyEditorStore {
  id: string | null = null
  kind: PolicyKind = 'benefit'
  fields: Record<TextKey, string> = { title: '', issuer: '', docNumber: '', issuedOn: '', effectiveFrom: '', effectiveTo: '', applyBy: '', summary: '', body: '' }
  industries: PolicyIndustry[] = []
  topics: PolicyTopic[] = []
  cardTypes: PolicyCardType[] = []
  attachments: EditorAttachment[] = []
  saving = false
  error: ShownError | null = null
  problems: string[] = []
  private nextAttachmentId = 1

  constructor(
    private readonly api: ApiClient,
    private readonly uploader: Uploader,
  ) {
    makeAutoObservable<PolicyEditorStore, 'api' | 'uploader' | 'nextAttachmentId'>(this, { api: false, uploader: false, nextAttachmentId: false })
  }

  /** Starts from a saved draft. */
  edit(policy: PolicyDetail): void {
    this.id = policy.id
    this.kind = policy.kind
    this.fields = {
      title: policy.title,
      issuer: policy.issuer,
      docNumber: policy.docNumber ?? '',
      issuedOn: policy.issuedOn ?? '',
      effectiveFrom: policy.effectiveFrom ?? '',
      effectiveTo: policy.effectiveTo ?? '',
      applyBy: policy.applyBy ?? '',
      summary: policy.summary,
      body: policy.body,
    }
    this.industries = [...policy.industries]
    this.topics = [...policy.topics]
    this.cardTypes = [...policy.cardTypes]
    this.attachments = policy.attachments.map((a) => ({ id: this.nextAttachmentId++, key: a.key, url: this.uploader.url(a.url), name: a.name, uploading: false, error: null }))
  }

  setKind(kind: PolicyKind): void {
    this.kind = kind
  }

  setField(key: TextKey, value: string): void {
    this.fields = { ...this.fields, [key]: value }
    this.problems = []
  }

  toggleIndustry(key: PolicyIndustry): void {
    this.industries = toggled(this.industries, key)
  }

  toggleTopic(key: PolicyTopic): void {
    this.topics = toggled(this.topics, key)
  }

  toggleCardType(key: PolicyCardType): void {
    this.cardTypes = toggled(this.cardTypes, key)
  }

  get attachmentsLeft(): number {
    return Math.max(0, MAX_POLICY_ATTACHMENTS - this.attachments.length)
  }

  /** Stores a picked file through the upload path; its name is what people see. */
  async attach(source: PhotoSource, name: string): Promise<void> {
    if (this.attachmentsLeft === 0) return
    const item: EditorAttachment = { id: this.nextAttachmentId++, key: null, url: null, name: name.slice(0, POLICY_LIMITS.attachmentName.max) || '附件', uploading: true, error: null }
    this.attachments = [...this.attachments, item]
    const res = await this.uploader.upload(source)
    runInAction(() => {
      // Removed meanwhile: the answer is dropped with it.
      const next = res.ok ? { ...item, uploading: false, key: res.data.key, url: res.data.url } : { ...item, uploading: false, error: res.error.message }
      this.attachments = this.attachments.map((a) => (a.id === item.id ? next : a))
    })
  }

  removeAttachment(index: number): void {
    this.attachments = this.attachments.filter((_, i) => i !== index)
  }

  /** What keeps the draft from being saved, checked by policy.limits.ts (the backend checks the same). */
  check(): string[] {
    const f = this.fields
    const problems: string[] = []
    const need = (value: string, { min, max }: { min: number; max: number }, label: string) => {
      const length = value.trim().length
      if (length < min || length > max) problems.push(`${label}应为${min}–${max}个字`)
    }
    need(f.title, POLICY_LIMITS.title, '标题')
    need(f.issuer, POLICY_LIMITS.issuer, '发文单位')
    if (f.docNumber.trim()) need(f.docNumber, POLICY_LIMITS.docNumber, '文号')
    need(f.summary, POLICY_LIMITS.summary, '摘要')
    need(f.body, POLICY_LIMITS.body, '正文')
    const dates: Array<[TextKey, string]> = [['issuedOn', '发文日期'], ['effectiveFrom', '生效日期'], ['effectiveTo', '有效期至'], ['applyBy', '申报截止']]
    for (const [key, label] of dates) if (f[key].trim() && !DATE_RE.test(f[key].trim())) problems.push(`${label}格式应为 YYYY-MM-DD`)
    if (this.attachments.some((a) => a.uploading)) problems.push('附件正在上传，请稍候')
    if (this.attachments.some((a) => !a.key)) problems.push('有附件上传失败，请删除后重新添加')
    return problems
  }

  payload(): PolicyDraftInput {
    const f = this.fields
    const optional = (value: string) => (value.trim() ? value.trim() : undefined)
    return {
      ...(this.id ? { id: this.id } : {}),
      kind: this.kind,
      title: f.title.trim(),
      issuer: f.issuer.trim(),
      docNumber: optional(f.docNumber),
      issuedOn: optional(f.issuedOn),
      effectiveFrom: optional(f.effectiveFrom),
      effectiveTo: optional(f.effectiveTo),
      applyBy: optional(f.applyBy),
      summary: f.summary.trim(),
      body: f.body,
      attachments: this.attachments.filter((a) => a.key).map((a) => ({ key: a.key!, name: a.name })),
      industries: this.industries,
      topics: this.topics,
      cardTypes: this.cardTypes,
    }
  }

  /** Saves the draft; answers it (then the id is kept for the next save), or null. */
  async save(): Promise<PolicyDetail | null> {
    this.problems = this.check()
    if (this.problems.length > 0) return null
    this.saving = true
    this.error = null
    const res = await this.api.call('policies', 'save', this.payload())
    return runInAction(() => {
      this.saving = false
      if (!res.ok) {
        this.error = shownError(res.error)
        return null
      }
      this.id = res.data.id
      return res.data
    })
  }
}
