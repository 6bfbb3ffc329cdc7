import { render } from '@testing-library/react'
import { Button } from '@/components/Button'

const button = () => document.getElementById('b')!

/**
 * NutUI draws a loading button dimmed like a disabled one (axe found 更新离线包 under the contrast minimum while
 * the desk's kit downloaded): both must be said as unavailable, and the state must follow the prop both ways.
 */
describe('Button', () => {
  it('is unavailable while disabled or loading, busy while loading, and available again after', () => {
    const { rerender } = render(<Button id='b'>更新离线包</Button>)
    expect(button().getAttribute('role')).toBe('button')
    expect(button().getAttribute('aria-disabled')).toBe('false')
    rerender(<Button id='b' loading>更新离线包</Button>)
    expect(button().getAttribute('aria-disabled')).toBe('true')
    expect(button().getAttribute('aria-busy')).toBe('true')
    expect(button().getAttribute('tabindex')).toBe('0')
    rerender(<Button id='b'>更新离线包</Button>)
    expect(button().getAttribute('aria-disabled')).toBe('false')
    expect(button().getAttribute('aria-busy')).toBe('false')
    rerender(<Button id='b' disabled>更新离线包</Button>)
    expect(button().getAttribute('aria-disabled')).toBe('true')
    expect(button().getAttribute('tabindex')).toBe('-1')
  })
})
