import { Input, View } from '@tarojs/components'

/** A labelled single-line input with its validation message underneath. */
export function FormField(props: {
  id: string
  label: string
  value: string
  placeholder?: string
  maxlength?: number
  error?: string
  type?: 'text' | 'number'
  onInput: (value: string) => void
}) {
  return (
    <View className='field'>
      <View className='field-label'>{props.label}</View>
      <Input
        id={props.id}
        className='field-input'
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 140}
        // The label above is a plain view: screen readers (and axe) name the field by this.
        nativeProps={{ 'aria-label': props.label }}
        onInput={(e) => props.onInput(e.detail.value)}
      />
      {props.error && (
        <View className='field-error' id={`${props.id}-error`}>
          {props.error}
        </View>
      )}
    </View>
  )
}
