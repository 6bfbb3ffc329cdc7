import type { ITouchEvent } from '@tarojs/components'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** What a tappable element says about itself beyond being a button. */
export interface TapState {
  /** A chip that is on or off: said as 已选中 or not. */
  pressed?: boolean
  /** A fold that opens and closes (详情, 筛选): said as expanded or collapsed. */
  expanded?: boolean
  /** Shown but doing nothing now (a full slot): still reachable, said as unavailable. */
  disabled?: boolean
  /** The name when the element shows no words (×, an image). */
  label?: string
}

/** Spread on the element: `<View className='chip' {...tappable(() => pick(day))}>`. */
export interface TapProps {
  onClick?: (event: ITouchEvent) => void
  role?: 'button'
  tabIndex?: number
  onKeyDown?: (event: KeyboardEvent) => void
  'aria-pressed'?: string
  'aria-expanded'?: string
  'aria-disabled'?: string
  'aria-busy'?: string
  'aria-label'?: string
}

/**
 * Enter and Space do what a tap does: the element is clicked, so the same handler runs (or, for a trigger without a
 * handler of its own, the Picker or sheet around it gets the click). Keys pressed on a button inside a tappable card
 * are that button's, not the card's.
 */
function pressOnKey(event: KeyboardEvent) {
  if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return
  // Space would also scroll the page.
  event.preventDefault()
  ;(event.currentTarget as HTMLElement).click()
}

/**
 * The props of a View, Text or Image a finger taps: its onClick, and in H5 what makes it a button for a keyboard and a
 * screen reader (role, a place in the Tab order, Enter/Space). Taro's H5 components set unknown props on the element
 * (role, tabIndex, aria-*) and listen for on* props as DOM events, so onKeyDown gets the browser's KeyboardEvent. The
 * mini program gets the onClick alone: WeChat has no keyboard focus, and its templates know none of these.
 * Without `onTap` the element only makes keys click it, for the Picker or sheet around it that handles the tap.
 */
export function tappable(onTap?: (event: ITouchEvent) => void, state: TapState = {}): TapProps {
  const props: TapProps = onTap ? { onClick: onTap } : {}
  if (!IS_H5) return props
  props.role = 'button'
  props.tabIndex = 0
  props.onKeyDown = pressOnKey
  // Only the keys that apply: Taro's H5 components leave an attribute in place when its prop becomes undefined.
  if (state.pressed !== undefined) props['aria-pressed'] = String(state.pressed)
  if (state.expanded !== undefined) props['aria-expanded'] = String(state.expanded)
  if (state.disabled !== undefined) props['aria-disabled'] = String(state.disabled)
  if (state.label) props['aria-label'] = state.label
  return props
}
