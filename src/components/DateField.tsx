import { Picker, Text, View } from '@tarojs/components'
import { tappable } from '@/components/tappable'
import { dayLabel } from '@/utils/time'

/**
 * A labelled date chosen with the platform's date picker (Picker mode='date'), shown the Chinese way (12月8日 周二),
 * never typed as YYYY-MM-DD (issue 15, defect 8). The value is the 'YYYY-MM-DD' the schemas take.
 */
export function DateField(props: {
  id: string
  label: string
  value: string
  /** The first and last dates offered ('YYYY-MM-DD'). */
  start?: string
  end?: string
  placeholder?: string
  error?: string
  onChange: (date: string) => void
  /** For an optional date: a 清除 beside a chosen date sets it back to none. */
  onClear?: () => void
}) {
  const { id, label, value, start, end, error, onChange } = props
  const shown = value ? dayLabel(value) : (props.placeholder ?? '请选择日期')
  return (
    <View className='field'>
      <View className='field-label'>{label}</View>
      <Picker id={`${id}-picker`} mode='date' value={value || start || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className={`field-input date-field ${value ? '' : 'date-field-empty'}`} {...tappable(undefined, { label: `${label}：${shown}` })}>
          {shown}
        </View>
      </Picker>
      {props.onClear && value && (
        <Text className='hint tap-text date-field-clear' id={`${id}-clear`} {...tappable(props.onClear, { label: `清除${label}` })}>
          清除
        </Text>
      )}
      {error && (
        <View className='field-error' id={`${id}-error`}>
          {error}
        </View>
      )}
    </View>
  )
}
