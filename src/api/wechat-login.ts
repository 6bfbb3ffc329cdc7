import Taro from '@tarojs/taro'

/** A fresh wx.login code (valid 5 minutes, once) for `auth.login`; throws when WeChat gives none. */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login()
  if (!code) throw new Error('wx.login gave no code')
  return code
}
