/** What the H5 page's inline script (src/index.html) started before the app loaded: answers by `area.action`. */
interface EarlyCalls {
  token: string | null
  [call: string]: Promise<unknown> | string | null
}

/**
 * The answer to `area.action` if the page already asked for it with the same token, once: the first screen does not
 * wait a round trip after its scripts arrive. Null when it did not (the mini program, another call, a second call), and
 * when the early request failed or was not needed, so the caller asks itself.
 */
export async function takeEarly(area: string, action: string, token: string | null): Promise<unknown> {
  const early = (globalThis as { __earlyCalls?: EarlyCalls }).__earlyCalls
  const key = `${area}.${action}`
  const pending = early?.[key]
  if (!early || early.token !== token || !(pending instanceof Promise)) return null
  delete early[key]
  return pending.catch(() => null)
}
