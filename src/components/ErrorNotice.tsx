import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { tappable } from '@/components/tappable'

interface Props {
  /** The failure to show (a message alone for a store that keeps no code); nothing is rendered without one. */
  error: { code: string; message: string } | string | null | undefined
  /** The message element's id (tests and e2e read it); the retry button is `${id}-retry`. */
  id?: string
  /** Offered as 重试 when the failed step can simply be repeated (a load, a network failure). */
  onRetry?: () => void
  retrying?: boolean
}

/**
 * How every page shows a failure: the Chinese message people read, 重试 where repeating helps, and the stable code
 * only inside a collapsed 详情 fold, for support (issue 15, defect 3). The code is also the message element's
 * `data-code`, so tests assert it without it being read out.
 */
export function ErrorNotice({ error, id, onRetry, retrying }: Props) {
  const [open, setOpen] = useState(false)
  if (!error) return null
  const { code, message } = typeof error === 'string' ? { code: undefined, message: error } : error
  return (
    <View className='error-notice'>
      <Text className='error-text error-notice-message' id={id} data-code={code}>
        {message}
      </Text>
      <View className='error-notice-actions'>
        {onRetry && (
          <Button size='small' id={id && `${id}-retry`} loading={retrying} onClick={onRetry}>
            重试
          </Button>
        )}
        {code && (
          <Text className='hint error-notice-toggle tap-text' id={id && `${id}-details`} {...tappable(() => setOpen(!open), { expanded: open })}>
            {open ? '收起详情' : '详情'}
          </Text>
        )}
      </View>
      {open && code && <Text className='hint mono error-notice-code'>错误代码：{code}</Text>}
    </View>
  )
}
