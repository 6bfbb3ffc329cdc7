import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { tappable } from '@/components/tappable'
import type { SlotView } from '@/core/station/station.schema'
import { seatsLeft } from '@/stores/sessions.store'
import { timeRange } from '@/utils/time'

/**
 * One slot: its time and remaining seats (the number alone in `slot-left-<id>`, 约满 beside it when 0).
 * `idPrefix` keeps ids unique where the same slot is listed twice (the 改约 picker).
 */
export const SlotButton = observer(function SlotButton(props: {
  slot: SlotView
  now: number
  closed?: boolean
  current?: boolean
  idPrefix?: string
  onPick: (slot: SlotView) => void
}) {
  const { slot, now } = props
  const left = seatsLeft(slot)
  const started = Date.parse(slot.start) <= now
  const disabled = Boolean(props.closed) || started || left === 0 || Boolean(props.current)
  const prefix = props.idPrefix ?? 'slot'
  return (
    <View
      id={`${prefix}-${slot.id}`}
      className={`slot ${disabled ? 'slot-disabled' : ''} ${props.current ? 'slot-current' : ''}`}
      {...tappable(
        () => {
          if (!disabled) props.onPick(slot)
        },
        { disabled },
      )}
    >
      <View className='slot-time'>{timeRange(slot.start, slot.end)}</View>
      <View className='slot-left'>
        {props.current ? (
          '当前预约'
        ) : started ? (
          '已开始'
        ) : (
          <Text>
            余<Text id={prefix === 'slot' ? `slot-left-${slot.id}` : undefined}>{left}</Text>位{left === 0 ? ' · 约满' : ''}
          </Text>
        )}
      </View>
    </View>
  )
})
