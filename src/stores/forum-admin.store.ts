import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { forumSchemas, type ForumFormat, type ForumView, type TopicView } from '@/core/forum/forum.schema'
import type { ProblemCategory } from '@/core/problem/problem.labels'
import type { StationView } from '@/core/station/station.schema'
import { shownError, type ShownError } from '@/utils/errors'
import { byField } from './field-errors'

export interface ForumDraft {
  format: ForumFormat
  title: string
  stationId: string
  venue: string
  date: string
  start: string
  end: string
  capacity: string
}

const emptyDraft = (): ForumDraft => ({ format: 'symposium', title: '', stationId: '', venue: '', date: '', start: '09:00', end: '11:00', capacity: '20' })

/** '' stays '' (zod then asks for it), anything else a number (NaN fails zod's number check). */
const num = (value: string): number | string => (value.trim() === '' ? '' : Number(value.trim()))

/**
 * 座谈会管理: administrators schedule a 政企座谈会 / 企业家早餐会 (validated on the device with the backend's schema), see
 * who raised which topics, and after the meeting settle each one there (当场解决, with a note) or hand it to a
 * department as a problem (转为诉求). Leaders read the meetings and topics.
 */
export class ForumAdminStore {
  items: ForumView[] = []
  stations: StationView[] = []
  departments: Array<{ id: string; name: string }> = []
  loaded = false
  loading = false
  error: ShownError | null = null

  draft: ForumDraft = emptyDraft()
  draftErrors: Record<string, string> = {}
  creating = false
  created: ForumView | null = null

  selected: (ForumView & { topics: TopicView[] }) | null = null
  notes: Record<string, string> = {}
  departmentOf: Record<string, string> = {}
  categoryOf: Record<string, ProblemCategory> = {}
  deciding: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<ForumAdminStore, 'api'>(this, { api: false })
  }

  /** The meetings; with `manage` (administrators) also the stations and departments the forms pick from. */
  async load(manage: boolean): Promise<void> {
    this.loading = true
    this.error = null
    const forums = await this.api.call('forums', 'list')
    const [stations, directory] = manage ? await Promise.all([this.api.call('stations', 'list'), this.api.call('stations', 'directory')]) : [null, null]
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (forums.ok) this.items = forums.data.items
      else this.error = shownError(forums.error)
      if (stations?.ok) {
        this.stations = stations.data.items
        if (!this.draft.stationId && this.stations.length) this.draft = { ...this.draft, stationId: this.stations[0].id }
      }
      if (directory?.ok) this.departments = directory.data.departments
    })
  }

  set<K extends keyof ForumDraft>(field: K, value: ForumDraft[K]): void {
    this.draft = { ...this.draft, [field]: value }
    this.created = null
  }

  async create(): Promise<void> {
    if (this.creating) return
    const { venue, capacity, ...rest } = this.draft
    const parsed = forumSchemas.create.safeParse({ ...rest, venue: venue.trim() || undefined, capacity: num(capacity) })
    if (!parsed.success) {
      this.draftErrors = byField(parsed.error.issues)
      return
    }
    this.draftErrors = {}
    this.creating = true
    this.error = null
    const res = await this.api.call('forums', 'create', parsed.data)
    runInAction(() => {
      this.creating = false
      if (res.ok) {
        this.created = res.data
        this.items = [...this.items, res.data].sort((a, b) => a.start.localeCompare(b.start))
        this.draft = { ...emptyDraft(), stationId: this.draft.stationId }
      } else this.error = shownError(res.error)
    })
  }

  async open(sessionId: string): Promise<void> {
    this.error = null
    const res = await this.api.call('forums', 'get', { sessionId })
    runInAction(() => {
      if (res.ok) this.selected = res.data
      else this.error = shownError(res.error)
    })
  }

  setNote(topicId: string, note: string): void {
    this.notes = { ...this.notes, [topicId]: note }
  }

  chooseDepartment(topicId: string, departmentId: string): void {
    this.departmentOf = { ...this.departmentOf, [topicId]: departmentId }
  }

  chooseCategory(topicId: string, category: ProblemCategory): void {
    this.categoryOf = { ...this.categoryOf, [topicId]: category }
  }

  /** 当场解决 with the note typed for it, or 转为诉求 to the department and category chosen (其他 unless chosen). */
  async decide(topicId: string, outcome: 'settle' | 'toProblem'): Promise<void> {
    if (this.deciding) return
    if (outcome === 'toProblem' && !this.departmentOf[topicId]) {
      this.error = { code: 'VALIDATION_FAILED', message: '请先选择责任部门' }
      return
    }
    this.deciding = topicId
    this.error = null
    const res =
      outcome === 'settle'
        ? await this.api.call('forums', 'settle', { topicId, note: this.notes[topicId] ?? '' })
        : await this.api.call('forums', 'toProblem', { topicId, departmentId: this.departmentOf[topicId], category: this.categoryOf[topicId] ?? 'other' })
    runInAction(() => {
      this.deciding = null
      if (res.ok && this.selected) this.selected = { ...this.selected, topics: this.selected.topics.map((t) => (t.id === topicId ? res.data : t)) }
      else if (!res.ok) this.error = shownError(res.error)
    })
  }
}
