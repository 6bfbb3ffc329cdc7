import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { ProblemCategory } from '@/core/problem/problem.categories'
import type { ProblemStatus } from '@/core/problem/problem.machine'
import type { ProblemView } from '@/core/problem/problem.schema'
import type { ShownError } from '@/utils/errors'

export interface ProblemFilters {
  status?: ProblemStatus
  departmentId?: string
  category?: ProblemCategory
  overdue?: boolean
  escalated?: boolean
  leaderId?: string
}

/**
 * One page-by-page list of `problems.list` (the backend scopes it to the caller): 待处理, the handler's tabs, 待交办,
 * the ledger. Keyset pagination: the `nextCursor` of a page is sent back as `cursor`; null means the last page.
 */
export class ProblemListStore {
  filters: ProblemFilters
  items: ProblemView[] = []
  nextCursor: string | null = null
  /** How many match the filters, from the first page (capped: `more` when there are more). */
  total: { count: number; more: boolean } | null = null
  loaded = false
  loading = false
  error: ShownError | null = null
  /** Requests in flight are numbered: an answer for older filters is dropped. */
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    filters: ProblemFilters = {},
    private readonly limit = 20,
  ) {
    this.filters = { ...filters }
    makeAutoObservable<ProblemListStore, 'api' | 'limit' | 'generation'>(this, { api: false, limit: false, generation: false })
  }

  get hasMore(): boolean {
    return this.nextCursor !== null
  }

  /** Changes one filter (undefined / false removes it) and reloads from the first page. */
  setFilter<K extends keyof ProblemFilters>(key: K, value: ProblemFilters[K] | undefined): Promise<void> {
    const next = { ...this.filters }
    if (value === undefined || value === false || value === '') delete next[key]
    else next[key] = value
    this.filters = next
    return this.load()
  }

  private payload(cursor: string | null): Record<string, unknown> {
    const payload: Record<string, unknown> = { ...this.filters, limit: this.limit }
    if (cursor) payload.cursor = cursor
    return payload
  }

  /** The first page. */
  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('problems', 'list', this.payload(null))
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.items = res.data.items
        this.nextCursor = res.data.nextCursor
        this.total = res.data.total ?? null
      } else {
        this.items = []
        this.nextCursor = null
        this.total = null
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
  }

  /** 加载更多: the page after the last one shown. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor
    if (!cursor || this.loading) return
    const generation = this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('problems', 'list', this.payload(cursor))
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      if (res.ok) {
        const seen = new Set(this.items.map((item) => item.id))
        this.items = [...this.items, ...res.data.items.filter((item) => !seen.has(item.id))]
        this.nextCursor = res.data.nextCursor
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
  }
}
