/**
 * H5: Taro.showModal draws its dialog (the confirmations of 取消预约, 取消场次, 停用 …) from bare divs: not a dialog to
 * a screen reader, and its 取消 and 确定 are no keyboard stops, so a keyboard could open the confirmation but never
 * answer it. Taro keeps one such element in the body and shows it again for the next call: it is made a modal dialog
 * with two buttons once, and each time it is shown the focus moves into it (on 取消, the answer that changes
 * nothing) and returns where it was when it closes. Escape answers 取消 (确定 where that is the only answer).
 */
export function makeModalsKeyboardReady(doc: Document): () => void {
  let returnTo: HTMLElement | null = null
  const buttons = (modal: HTMLElement) =>
    Array.from(modal.querySelectorAll<HTMLElement>('.taro-model__btn')).filter((button) => button.style.display !== 'none')

  const prepare = (modal: HTMLElement) => {
    const content = modal.querySelector<HTMLElement>('.taro-modal__content')
    const title = modal.querySelector<HTMLElement>('.taro-modal__title')
    const text = modal.querySelector<HTMLElement>('.taro-modal__text')
    content?.setAttribute('role', 'dialog')
    content?.setAttribute('aria-modal', 'true')
    if (title && text) {
      title.id = 'taro-modal-title'
      text.id = 'taro-modal-text'
      content?.setAttribute('aria-labelledby', title.id)
      content?.setAttribute('aria-describedby', text.id)
    }
    for (const button of Array.from(modal.querySelectorAll<HTMLElement>('.taro-model__btn'))) {
      button.setAttribute('role', 'button')
      button.tabIndex = 0
    }
    modal.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement
      if (event.key === 'Escape') buttons(modal)[0]?.click()
      else if ((event.key === 'Enter' || event.key === ' ') && target.classList.contains('taro-model__btn')) {
        event.preventDefault()
        target.click()
      } else if (event.key === 'Tab') {
        // The page under the dialog cannot be reached while it waits for an answer.
        const shown = buttons(modal)
        const next = shown[(shown.indexOf(target) + (event.shiftKey ? shown.length - 1 : 1)) % shown.length]
        event.preventDefault()
        next?.focus()
      }
    })
    // Taro shows and hides the same element by its style.
    new MutationObserver(() => {
      const open = modal.style.display !== 'none'
      if (open && !modal.contains(doc.activeElement)) {
        returnTo = doc.activeElement as HTMLElement | null
        buttons(modal)[0]?.focus()
      } else if (!open && returnTo) {
        returnTo.focus()
        returnTo = null
      }
    }).observe(modal, { attributes: true, attributeFilter: ['style'] })
  }

  const find = () => {
    for (const modal of Array.from(doc.querySelectorAll<HTMLElement>('.taro__modal:not([data-keys])'))) {
      modal.dataset.keys = 'ready'
      prepare(modal)
      // The first call appends the element already shown.
      if (modal.style.display !== 'none') {
        returnTo = doc.activeElement as HTMLElement | null
        buttons(modal)[0]?.focus()
      }
    }
  }
  const observer = new MutationObserver(find)
  observer.observe(doc.body, { childList: true })
  return () => observer.disconnect()
}
