import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export function InfoRow({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className='row'>
      <Text className='row-label'>{label}</Text>
      <Text className='row-value' id={id}>
        {children}
      </Text>
    </View>
  )
}
