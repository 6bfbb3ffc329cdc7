import { Button as NutButton, type ButtonProps } from '@nutui/nutui-react-taro'
import { tappable, type TapProps } from './tappable'

/**
 * NutUI's Button, which every page uses, made a button for keyboards in H5: there Taro draws it as a bare
 * taro-button-core element, with no role, no place in the Tab order, and a stylesheet that removes its focus ring
 * (app.scss draws one). Enter and Space click it; NutUI ignores the click while it is disabled or loading. A disabled
 * button leaves the Tab order, as a native one does. The mini program gets NutUI's Button as it is.
 */
export function Button(props: Partial<ButtonProps>) {
  // No onClick of its own: NutUI's is the button's.
  const keys: Omit<TapProps, 'onClick'> = tappable(undefined, props.disabled ? { disabled: true } : {})
  if (props.disabled && keys.tabIndex !== undefined) keys.tabIndex = -1
  return <NutButton {...keys} {...props} />
}
