import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { DistrictView } from '@/core/org/org.schema'

export const PRODUCT_NAME = '流动政务服务站'

/**
 * The district's profile (`org.district`, public: `{district: null}` before the administrator sets it up), loaded once
 * at start; its name heads the home page. The administrator's 行政区设置 page puts a saved profile here.
 */
export class DistrictStore {
  district: DistrictView | null = null
  loaded = false
  loading = false

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<DistrictStore, 'api'>(this, { api: false })
  }

  /** '环翠区流动政务服务站', or the product's name alone while no district is set. */
  get title(): string {
    return this.district ? `${this.district.name}${PRODUCT_NAME}` : PRODUCT_NAME
  }

  /** Loads the profile unless it is loaded or on its way. */
  async ensure(): Promise<void> {
    if (this.loaded || this.loading) return
    await this.load()
  }

  async load(): Promise<void> {
    this.loading = true
    const res = await this.api.call('org', 'district', {})
    runInAction(() => {
      this.loading = false
      // A failure (no network) leaves the plain title; the next ensure() tries again.
      if (res.ok) {
        this.district = res.data.district
        this.loaded = true
      }
    })
  }

  set(district: DistrictView | null): void {
    this.district = district
    this.loaded = true
  }
}
