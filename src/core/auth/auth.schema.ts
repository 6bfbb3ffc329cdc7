import type { Role, UserView } from './roles'
import { empty, z } from '../common/zod'

export const authSchemas = {
  devLogin: z.strictObject({
    userKey: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '演示用户标识只能包含小写字母、数字和连字符'),
  }),
  me: empty,
  demoUsers: empty,
}

export interface AuthResponses {
  devLogin: { token: string; user: UserView }
  me: { user: UserView }
  demoUsers: { items: Array<{ userKey: string; name: string; roles: Role[] }> }
}
