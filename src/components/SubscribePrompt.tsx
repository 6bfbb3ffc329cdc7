import { View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import type { SubscribeMoment } from '@/core/notification/notification.templates'
import { useStores } from '@/stores'
import { requestSubscribe, subscribePlan, type SubscribeOutcome } from '@/utils/subscribe'

/**
 * 开启消息提醒: one button that asks for WeChat subscribe-message consent at this moment (≤ 3 templates), only when
 * tapped. Renders nothing when the build has no template ids (H5, local development): messages then wait in 消息中心.
 * Ids: `<id>` (the section), `<id>-button`, `<id>-result`.
 */
export function SubscribePrompt(props: { id: string; moment: SubscribeMoment; text: string }) {
  const { api } = useStores()
  const [plan] = useState(() => subscribePlan(props.moment))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null)
  if (plan.tmplIds.length === 0) return null

  const onTap = () => {
    if (busy) return
    setBusy(true)
    // requestSubscribe calls WeChat synchronously, inside this tap.
    void requestSubscribe(api, props.moment).then((result) => {
      setBusy(false)
      setOutcome(result)
    })
  }

  return (
    <View className='subscribe-prompt' id={props.id}>
      <View className='hint'>{props.text}</View>
      {outcome?.kind !== 'answered' && (
        <Button id={`${props.id}-button`} size='small' type='primary' fill='outline' loading={busy} onClick={onTap}>
          开启消息提醒
        </Button>
      )}
      {outcome && outcome.kind !== 'none' && (
        <View className='hint' id={`${props.id}-result`}>
          {outcome.kind === 'failed'
            ? outcome.message
            : outcome.granted.length > 0
              ? `已开启${outcome.granted.length}项提醒，每项提醒一次`
              : '未开启提醒，消息仍会在消息中心显示'}
        </View>
      )}
    </View>
  )
}
