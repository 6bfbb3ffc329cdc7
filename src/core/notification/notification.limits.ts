/** Limits of the 消息中心 actions; zod-free so the main package's inbox store batches by the same numbers. */
export const MAX_MARK_READ = 100
export const INBOX_PAGE_SIZE = 20
