/** A failure as pages show it: the server's Chinese message, and the stable code in small print. */
export interface ShownError {
  code: string
  message: string
}

export function shownError(error: { code: string; message: string }): ShownError {
  return { code: error.code, message: error.message }
}
