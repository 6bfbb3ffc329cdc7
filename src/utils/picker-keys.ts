/**
 * H5: Taro's Picker slides up a sheet whose 取消 and 确定 are bare divs, no keyboard stops, so a date chosen by
 * keyboard could never be confirmed. Each sheet's two actions become buttons in the Tab order that Enter and Space
 * click (app.scss makes them 44px tall). The wheel itself still turns by touch or mouse only.
 */
export function makePickerActionsKeyboardReady(doc: Document): () => void {
  const mark = () => {
    doc.querySelectorAll<HTMLElement>('.weui-picker__action:not([role])').forEach((action) => {
      action.setAttribute('role', 'button')
      action.tabIndex = 0
    })
  }
  const press = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement
    if ((event.key === 'Enter' || event.key === ' ') && target.classList?.contains('weui-picker__action')) {
      event.preventDefault()
      target.click()
    }
  }
  mark()
  const observer = new MutationObserver(mark)
  observer.observe(doc.body, { childList: true, subtree: true })
  doc.addEventListener('keydown', press)
  return () => {
    observer.disconnect()
    doc.removeEventListener('keydown', press)
  }
}
