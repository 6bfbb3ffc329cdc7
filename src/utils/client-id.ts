/** A UUID v4 as `sync.push` wants for an action's client id (an id, not a secret: Math.random is enough). */
export function newClientId(random: () => number = Math.random): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(random() * 16)
    return (c === 'x' ? r : (r & 3) | 8).toString(16)
  })
}
