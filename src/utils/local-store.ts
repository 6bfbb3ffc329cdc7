import Taro from '@tarojs/taro'

/**
 * What the phone keeps across restarts (weapp storage, localStorage in H5). Reads never throw: a value another
 * version wrote, or a full or disabled storage, reads as nothing; writes report whether they held.
 */
export function readLocal<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return valid(value) ? value : null
  } catch {
    return null
  }
}

export function writeLocal(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeLocal(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing to undo: a storage that cannot remove held nothing readable either.
  }
}
