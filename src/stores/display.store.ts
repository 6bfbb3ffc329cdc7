import { makeAutoObservable } from 'mobx'
import { elderlyMode } from '@/core/display/elderly'
import { readLocal, writeLocal } from '@/utils/local-store'

const ELDERLY_KEY = 'display-elderly'

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean'
}

/**
 * How the app looks on this phone (not per user: it stays when someone else signs in): 适老化 (elderly mode), chosen in
 * 我的 and kept in storage, else following the phone's large-font setting.
 */
export class DisplayStore {
  private chosen: boolean | null = readLocal(ELDERLY_KEY, isBoolean)

  constructor(private readonly systemFontSize: number | null) {
    makeAutoObservable<DisplayStore, 'systemFontSize'>(this, { systemFontSize: false })
  }

  get elderly(): boolean {
    return elderlyMode(this.chosen, this.systemFontSize)
  }

  setElderly(on: boolean): void {
    this.chosen = on
    writeLocal(ELDERLY_KEY, on)
  }
}
