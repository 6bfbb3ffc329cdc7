export * from './error.codes'
export * from './result'
