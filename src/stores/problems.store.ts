import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { ProblemView } from '@/core/problem/problem.schema'
import type { ShownError } from '@/utils/errors'
import { useStores } from './context'
import type { RootStore } from './root.store'

/** 我的诉求: the holder's own problems, newest first. */
export class ProblemsStore {
  items: ProblemView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<ProblemsStore, 'api'>(this, { api: false })
  }

  get sorted(): ProblemView[] {
    return [...this.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('problems', 'mine', {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  reset(): void {
    this.items = []
    this.loaded = false
    this.error = null
  }
}

/** 我的诉求, made by the first subpackage page that needs it, so its code stays out of the main package. */
export function problemsOf(root: RootStore): ProblemsStore {
  return root.extension('problems', () => new ProblemsStore(root.api))
}

export function useProblemsStore(): ProblemsStore {
  return problemsOf(useStores())
}
