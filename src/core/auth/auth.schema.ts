import type { Role, UserView } from './roles'
import * as z from 'zod'
import { empty, id } from '../common/zod'

export const authSchemas = {
  devLogin: z.strictObject({
    userKey: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '演示用户标识只能包含小写字母、数字和连字符'),
  }),
  /** The code of wx.login / Taro.login, exchanged with WeChat for the OPENID (HTTP mode). */
  login: z.strictObject({ code: z.string().trim().regex(/^[A-Za-z0-9_-]{8,128}$/, '微信登录凭证格式不正确') }),
  me: empty,
  demoUsers: empty,
  logout: empty,
  /** A browser asks to be signed in: shows the QR code and polls with the poll key only it knows. */
  desktopChallenge: empty,
  approveDesktop: z.strictObject({
    challengeId: z
      .string()
      .trim()
      .max(100)
      .transform((text) => text.replace(/^LDZW-DESKTOP:/i, ''))
      .pipe(id),
  }),
  pollDesktop: z.strictObject({ challengeId: id, pollKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '轮询密钥格式不正确') }),
}

export interface AuthResponses {
  devLogin: { token: string; user: UserView }
  login: { token: string; user: UserView }
  me: { user: UserView }
  demoUsers: { items: Array<{ userKey: string; name: string; roles: Role[] }> }
  logout: { signedOut: true }
  desktopChallenge: { challengeId: string; pollKey: string; qr: string; expiresAt: string }
  approveDesktop: { approved: true }
  /** 'pending' until approved; then the token, once. */
  pollDesktop: { status: 'pending' } | { status: 'approved'; token: string; user: UserView }
}
