import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { ShownError } from '@/utils/errors'
import type { Directory } from './problem-detail.store'

/** Departments and leaders (`problems.directory`, admin and leader) for the ledger filters. Loaded once. */
export class ProblemDirectoryStore {
  directory: Directory | null = null
  error: ShownError | null = null
  loading = false

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<ProblemDirectoryStore, 'api'>(this, { api: false })
  }

  async load(): Promise<void> {
    if (this.directory || this.loading) return
    this.loading = true
    const res = await this.api.call('problems', 'directory', {})
    runInAction(() => {
      this.loading = false
      if (res.ok) this.directory = res.data
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }
}
