import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import type { PropsWithChildren } from 'react'
import { useStores } from '@/stores'

/** Every page's root: the page frame, and the `elderly` class (src/styles/elderly.scss) in 适老化 mode. */
export const Page = observer(function Page({ id, children }: PropsWithChildren<{ id?: string }>) {
  const { display } = useStores()
  return (
    // Taro writes an undefined id as id="undefined": only a given one is passed.
    <View {...(id ? { id } : {})} className={display.elderly ? 'page elderly' : 'page'}>
      {children}
    </View>
  )
})
