/**
 * WeChat's fontSizeSetting (px) from which the phone's owner has chosen large type: the default is 16 on Android and
 * 17 on iOS, the larger steps start at 20.
 */
export const LARGE_SYSTEM_FONT = 20

/**
 * 适老化 (elderly mode): the person's own choice in 我的 wins; without one, the phone's large-font setting decides
 * (null where the platform does not tell it, as in H5).
 */
export function elderlyMode(chosen: boolean | null, systemFontSize: number | null): boolean {
  if (chosen !== null) return chosen
  return systemFontSize !== null && systemFontSize >= LARGE_SYSTEM_FONT
}
