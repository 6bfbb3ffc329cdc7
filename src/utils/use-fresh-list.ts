import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'

interface Loadable {
  loaded: boolean
  loading: boolean
  load(): Promise<unknown>
}

/**
 * Loads a list once the page may show it, and again whenever the page comes back into view (after a detail page
 * changed something in it). `enabled` is whether the caller may see the list at all.
 */
export function useFreshList(enabled: boolean, list: Loadable): void {
  useDidShow(() => {
    if (enabled && list.loaded && !list.loading) void list.load()
  })
  useEffect(() => {
    if (enabled && !list.loaded && !list.loading) void list.load()
  }, [enabled, list])
}
