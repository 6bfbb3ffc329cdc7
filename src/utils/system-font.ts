import Taro from '@tarojs/taro'

/** The phone's font size setting in px (WeChat tells it; a browser does not, nor a phone whose base library fails). */
export function systemFontSize(): number | null {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const size = Taro.getSystemInfoSync().fontSizeSetting
      return typeof size === 'number' ? size : null
    } catch {
      return null
    }
  }
  return null
}
