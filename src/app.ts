import { createElement, useEffect, useState, type PropsWithChildren } from 'react'
import { createApiClient } from '@/api'
import { RootStore, StoreProvider } from '@/stores'
import { makePagesFocusable } from '@/utils/focusable-pages'
import { makeModalsKeyboardReady } from '@/utils/modal-keys'
import { makePickerActionsKeyboardReady } from '@/utils/picker-keys'
import { fitNavigationBar } from '@/utils/navigation-bar'
import { registerOfflineShell } from '@/utils/offline-shell'
import { reportPageLoadFailures } from '@/utils/page-load-failure'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

function App({ children }: PropsWithChildren) {
  const [store] = useState(() => new RootStore(createApiClient()))
  useEffect(() => {
    void store.session.init()
    void store.district.ensure()
    return () => store.dispose()
  }, [store])
  useEffect(() => (process.env.TARO_ENV === 'h5' ? reportPageLoadFailures(window) : undefined), [])
  useEffect(() => (process.env.TARO_ENV === 'h5' ? makePagesFocusable(document) : undefined), [])
  useEffect(() => (process.env.TARO_ENV === 'h5' ? makeModalsKeyboardReady(document) : undefined), [])
  useEffect(() => (process.env.TARO_ENV === 'h5' ? makePickerActionsKeyboardReady(document) : undefined), [])
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') registerOfflineShell(window)
  }, [])
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') fitNavigationBar(document)
  }, [])
  return createElement(StoreProvider, { store }, children)
}

export default App
