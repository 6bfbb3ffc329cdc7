/**
 * Every expected failure the product reports has a stable code (used by clients and tests), an HTTP status
 * for the host and a Chinese message for people. Codes never change meaning once shipped.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不符合要求' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  INTERNAL: { status: 500, message: '服务暂时不可用，请稍后再试' },
  /** Made by the client, never sent by the backend: the request did not reach it or its answer did not come back. */
  NETWORK_UNAVAILABLE: { status: 503, message: '网络连接不可用，请检查网络后重试' },
  TOKEN_INVALID: { status: 400, message: '服务卡二维码无效或被篡改' },
  TOKEN_EXPIRED: { status: 409, message: '服务卡二维码已过期，请让对方刷新后重新出示' },
  TOKEN_REPLAYED: { status: 409, message: '该二维码已被核验过，不能重复使用，请让对方刷新后重新出示' },
  CARD_SUSPENDED: { status: 409, message: '该服务卡已暂停使用' },
  CARD_REVOKED: { status: 409, message: '该服务卡已注销' },
  CARD_NOT_ACTIVE: { status: 409, message: '该服务卡尚未激活' },
  CARD_ALREADY_ISSUED: { status: 409, message: '该主体已持有有效的服务卡' },
  HOLDER_TYPE_CONFLICT: { status: 409, message: '该统一社会信用代码已登记为其他类型的服务对象，不能发放此类服务卡' },
  /** A wrong code and one somebody else used answer the same: which codes exist is nobody's business. */
  ACTIVATION_CODE_INVALID: { status: 404, message: '激活码不正确或已被使用，请核对后重新输入，或联系发卡管理员' },
  INVALID_TRANSITION: { status: 409, message: '当前状态下不能执行此操作' },
  DEV_LOGIN_DISABLED: { status: 403, message: '当前环境未开放演示登录' },
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段' },
  SLOT_CLOSED: { status: 409, message: '该时段已开始或已结束，不能预约' },
  BOOKING_OVERLAP: { status: 409, message: '您在该时间段已有其他预约' },
  TOO_LATE_TO_CHANGE: { status: 409, message: '距服务开始时间太近，不能取消或改约' },
  SESSION_CANCELLED: { status: 409, message: '该场次已取消' },
  SESSION_NOT_ENDED: { status: 409, message: '场次结束后才能标记未到' },
  CHECK_IN_CLOSED: { status: 409, message: '不在签到时间内（开始前60分钟至结束）' },
  DATE_IN_PAST: { status: 400, message: '日期不能早于今天' },
  VISIT_NOT_DUE: { status: 409, message: '上门服务日期未到，不能办结' },
  HOLDER_CARD_REQUIRED: { status: 409, message: '请先激活服务卡再预约' },
  STALE_VERSION: { status: 409, message: '数据已被他人更新，请刷新后重试' },
  SEND_BACK_TOO_LATE: { status: 409, message: '已超过交办后2个工作日，不能退回，请联系管理员改派' },
  ALREADY_ESCALATED: { status: 409, message: '该诉求已专报，不能重复专报' },
  DEFERRAL_INCOMPLETE: { status: 400, message: '暂缓办理须写明解释说明、办理建议和下一步安排（下个固定日或预约上门日期）' },
  NOT_OVERDUE: { status: 409, message: '该诉求没有新的超期时限需要标记' },
  ALREADY_RATED: { status: 409, message: '您已评价过，不能重复评价' },
  NOT_SERVED_YET: { status: 409, message: '服务完成后才能评价' },
  FOLLOW_UP_NOT_ALLOWED: { status: 409, message: '只有差评经整改反馈后才能追评一次' },
  APPEAL_NOT_ALLOWED: { status: 409, message: '该评价不能申诉' },
  ALREADY_APPEALED: { status: 409, message: '该评价已申诉过，不能重复申诉' },
  APPEAL_NOT_PENDING: { status: 409, message: '该评价没有待裁决的申诉' },
  RECTIFICATION_CLOSED: { status: 409, message: '该整改任务已结束，不能再办理' },
  REPORT_NOT_READY: { status: 404, message: '该月报表尚未生成' },
  MONTH_NOT_ENDED: { status: 409, message: '该月尚未结束，不能生成或导出月报' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新进入小程序' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录过于频繁，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信登录暂时不可用，请稍后再试' },
  ACCOUNT_DEACTIVATED: { status: 403, message: '您的账号已停用，如有疑问请联系管理员' },
  INVITE_INVALID: { status: 404, message: '邀请码不正确，请核对后重新输入' },
  INVITE_USED: { status: 409, message: '该邀请码已被使用' },
  INVITE_EXPIRED: { status: 409, message: '该邀请码已过期，请联系管理员重新邀请' },
  INVITE_REVOKED: { status: 409, message: '该邀请已被管理员撤销' },
  DEPARTMENT_INACTIVE: { status: 409, message: '该部门已停用，不能再安排新的工作' },
  DISTRICT_NOT_SET: { status: 409, message: '尚未设置行政区，请管理员先在“行政区设置”中填写' },
  LAST_ADMIN: { status: 409, message: '至少要保留一位在岗的管理员' },
  CHALLENGE_EXPIRED: { status: 409, message: '登录二维码已过期，请在电脑上刷新后重新扫码' },
  CHALLENGE_USED: { status: 409, message: '该登录二维码已使用过，请在电脑上刷新后重新扫码' },
  OFFLINE_CREDENTIAL_EXPIRED: { status: 409, message: '服务卡离线凭证已过期，请持卡人联网打开一次服务卡后重新出示' },
  OFFLINE_CREDENTIAL_REPLACED: { status: 409, message: '该离线凭证所属手机已被新设备取代，请持卡人用当前手机出示服务卡' },
  /** Flags of synced offline actions: recorded, but listed for the administrator and the department. */
  OFFLINE_REVOKED: { status: 409, message: '离线办理时该服务卡已被注销或暂停（离线资料包未能得知），已记录并提交管理员核查' },
  OFFLINE_REPLAYED: { status: 409, message: '该二维码已在其他设备上使用过，已记录并提交管理员核查' },
  SYNC_TIME_INVALID: { status: 400, message: '离线操作的时间晚于服务器时间，请核对本机时间' },
  PHOTO_NOT_FOUND: { status: 404, message: '图片不存在或已失效，请重新上传后再提交' },
  SURVEY_NOT_OPEN: { status: 409, message: '该问卷不在填写期内' },
  /** 一企一答: a second answer of the same enterprise (another key; a retry with the same key answers the first). */
  SURVEY_ALREADY_ANSWERED: { status: 409, message: '贵单位已提交过该问卷，不能重复提交' },
  FORUM_SIGN_UP_REQUIRED: { status: 409, message: '请先报名参加座谈会，再提交议题' },
  FORUM_TOPICS_CLOSED: { status: 409, message: '座谈会已开始，不能再提交议题' },
  FORUM_NOT_HELD: { status: 409, message: '座谈会开始后才能处理议题' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status
}
