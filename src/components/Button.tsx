import { Button as NutButton, type ButtonProps } from '@nutui/nutui-react-taro'
import { tappable, type TapProps } from './tappable'

/**
 * NutUI's Button, which every page uses, made a button for keyboards in H5: there Taro draws it as a bare
 * taro-button-core element, with no role, no place in the Tab order, and a stylesheet that removes its focus ring
 * (app.scss draws one). Enter and Space click it; NutUI ignores the click while it is disabled or loading, and draws
 * both alike, dimmed: both are said as unavailable (a loading one also as busy). The state is always given, true or
 * false, because Taro leaves an attribute in place when its prop goes away. A disabled button leaves the Tab order,
 * as a native one does; a loading one keeps its focus. The mini program gets NutUI's Button as it is.
 */
export function Button(props: Partial<ButtonProps>) {
  // No onClick of its own: NutUI's is the button's.
  const keys: Omit<TapProps, 'onClick'> = tappable(undefined, { disabled: Boolean(props.disabled || props.loading) })
  if (keys.role && props.disabled) keys.tabIndex = -1
  if (keys.role) keys['aria-busy'] = String(Boolean(props.loading))
  return <NutButton {...keys} {...props} />
}
