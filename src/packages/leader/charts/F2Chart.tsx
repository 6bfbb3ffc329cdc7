import { Axis, Canvas, Chart, Interval, Legend, Line, Point, createElement } from '@antv/f2'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createElement as reactElement, useEffect, useRef, useState } from 'react'
import { valueAxis, type ChartSpec } from './chart-data'

/**
 * A thin wrapper of AntV F2 (v5) for Taro: one <canvas type="2d"> and one F2 Canvas drawn on its 2D context.
 *
 * F2 draws on any CanvasRenderingContext2D, so both platforms take the same path: in H5 the context of a DOM canvas,
 * in weapp the context of the canvas 2d node that SelectorQuery returns (with the node's requestAnimationFrame and
 * createImage). The H5 path is verified in Chromium (test/e2e/dashboard.e2e.test.ts). The weapp path follows F2's
 * mini-program adapters but has not been run in WeChat DevTools here.
 *
 * In H5 the element is a plain DOM canvas: Taro's H5 Canvas component resets the canvas size on every render, which
 * would clear the drawing and ignore the pixel ratio. In weapp it is Taro's Canvas (type="2d"), so that the build
 * puts the canvas template into base.wxml.
 */

const COLORS = ['#c8102e', '#1677ff', '#13a8a8', '#fa8c16', '#722ed1', '#52c41a', '#eb2f96', '#2f54eb', '#faad14', '#8c8c8c']

/** F2's createElement, loosely typed: its generic component types do not fit its own ElementType. */
const h = createElement as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => ReturnType<typeof createElement>

type DrawState = 'waiting' | 'drawn' | 'empty' | 'unsupported'

interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  extra: Record<string, unknown>
}

/** The F2 element tree of a spec (F2's own JSX, built with its createElement). */
export function f2Tree(spec: ChartSpec) {
  const percent = spec.unit === 'percent'
  const y = { ...valueAxis(spec), formatter: (v: number) => (percent ? `${v}%` : String(Math.round(v))) }
  // F2 sizes are in its 750-wide design units: '24px' is 12 CSS px on the phone.
  const axisStyle = { label: { fontSize: '22px', fill: '#595959' } }
  if (spec.kind === 'line') {
    return h(
      Chart,
      { data: spec.data, scale: { y, x: { range: [0.05, 0.95], tickCount: 6 } } },
      h(Axis, { field: 'x', style: axisStyle }),
      h(Axis, { field: 'y', style: axisStyle }),
      // The second series (办结) dashed: where both are equal, the first (受理诉求) still shows through its gaps.
      h(Line, { x: 'x', y: 'y', color: { field: 'series', range: COLORS }, shape: { field: 'series', range: ['line', 'dash'] } }),
      h(Point, { x: 'x', y: 'y', color: { field: 'series', range: COLORS } }),
      h(Legend, { position: 'top' }),
    )
  }
  if (spec.kind === 'column') {
    return h(
      Chart,
      { data: spec.data, scale: { y } },
      h(Axis, { field: 'x', style: axisStyle }),
      h(Axis, { field: 'y', style: axisStyle }),
      h(Interval, { x: 'x', y: 'y', color: { field: 'x', range: COLORS }, sizeRatio: 0.5 }),
    )
  }
  // Horizontal bars: F2 puts the first category at the bottom, so the best (first) is drawn last, on top.
  return h(
    Chart,
    { data: [...spec.data].reverse(), coord: { transposed: true }, scale: { y } },
    h(Axis, { field: 'x', style: axisStyle }),
    h(Axis, { field: 'y', style: axisStyle }),
    h(Interval, { x: 'x', y: 'y', color: COLORS[1], sizeRatio: 0.6 }),
  )
}

function windowPixelRatio(): number {
  if (process.env.TARO_ENV === 'h5') return (typeof window !== 'undefined' && window.devicePixelRatio) || 1
  try {
    return Taro.getWindowInfo?.().pixelRatio ?? Taro.getSystemInfoSync().pixelRatio ?? 2
  } catch {
    return 2
  }
}

/** The drawing surface of the canvas with this id, sized to its box × pixel ratio; null where there is none (jsdom). */
/** The part of a weapp Canvas 2D node (SelectorQuery `node: true`) that drawing uses. */
interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
  requestAnimationFrame(fn: FrameRequestCallback): number
  cancelAnimationFrame(handle: number): void
  createImage(): unknown
}

function findSurface(id: string): Promise<Surface | null> {
  const pixelRatio = windowPixelRatio()
  if (process.env.TARO_ENV === 'h5') {
    const element = typeof document !== 'undefined' ? document.getElementById(id) : null
    const canvas = (element instanceof HTMLCanvasElement ? element : element?.querySelector('canvas')) as HTMLCanvasElement | null
    if (!canvas) return Promise.resolve(null)
    // The layout size, in the page's own CSS pixels: elderly mode's `zoom` (src/styles/elderly.scss) scales the
    // bounding box, and drawing at that size made F2 widen the canvas by 1.3× past the phone's edge. The zoom goes into
    // the pixel ratio instead, so the chart stays sharp.
    const width = canvas.clientWidth
    const height = canvas.clientHeight
    if (!width || !height) return Promise.resolve(null)
    const ratio = pixelRatio * (canvas.getBoundingClientRect().width / width)
    canvas.width = Math.round(width * ratio)
    canvas.height = Math.round(height * ratio)
    let context: CanvasRenderingContext2D | null = null
    try {
      context = canvas.getContext('2d')
    } catch {
      context = null
    }
    return Promise.resolve(context ? { context, width, height, pixelRatio: ratio, extra: {} } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((results: Array<{ node?: CanvasNode; width?: number; height?: number } | null>) => {
        const found = results?.[0]
        const node = found?.node
        if (!node || !found.width || !found.height) return resolve(null)
        node.width = Math.round(found.width * pixelRatio)
        node.height = Math.round(found.height * pixelRatio)
        const context = node.getContext('2d')
        if (!context) return resolve(null)
        resolve({
          context,
          width: found.width,
          height: found.height,
          pixelRatio,
          extra: {
            requestAnimationFrame: (fn: FrameRequestCallback) => node.requestAnimationFrame(fn),
            cancelAnimationFrame: (handle: number) => node.cancelAnimationFrame(handle),
            createImage: () => node.createImage(),
          },
        })
      })
  })
}

function ChartCanvas(props: { id: string; height: number }) {
  const style = { width: '100%', height: `${props.height}px`, display: 'block' }
  if (process.env.TARO_ENV === 'h5') return reactElement('canvas', { id: props.id, className: 'chart-canvas', style })
  return <TaroCanvas type='2d' id={props.id} className='chart-canvas' style={style} />
}

/**
 * One chart: `<View id={id}-box>` with the caption, and the canvas `#<id>` (the id tests and the e2e look for).
 * The box's class says where drawing stands: chart-waiting, chart-drawn, chart-empty (no data: a hint instead), or
 * chart-unsupported (no 2D context, as in jsdom).
 */
export function F2Chart(props: { id: string; spec: ChartSpec; height?: number }) {
  const { id, spec } = props
  const height = props.height ?? 220
  const chart = useRef<Canvas | null>(null)
  const [state, setState] = useState<DrawState>('waiting')
  const empty = spec.data.length === 0

  useEffect(() => {
    if (empty) {
      chart.current?.destroy()
      chart.current = null
      setState('empty')
      return
    }
    let cancelled = false
    const draw = async (attempt: number): Promise<void> => {
      if (chart.current) {
        await chart.current.update({ children: f2Tree(spec) })
        if (!cancelled) setState('drawn')
        return
      }
      const surface = await findSurface(id)
      if (cancelled) return
      if (!surface) {
        // The native node may not exist yet right after the first render (weapp renders through setData).
        if (attempt < 10) setTimeout(() => void draw(attempt + 1), 50 * (attempt + 1))
        else setState('unsupported')
        return
      }
      const canvas = new Canvas({
        context: surface.context,
        pixelRatio: surface.pixelRatio,
        width: surface.width,
        height: surface.height,
        padding: [12, 12, 12, 12],
        // F2 sizes ('24px') are in a 750-wide design; by default F2 reads the page's rem (Taro H5 sets 20px on <html>,
        // which would shrink text 2.5×). Fixed here: half, on every platform.
        px2hd: (px: number) => Number((px / 2).toFixed(1)),
        children: f2Tree(spec),
        ...surface.extra,
      } as never)
      chart.current = canvas
      await canvas.render()
      if (!cancelled) setState('drawn')
    }
    void draw(0).catch(() => {
      if (!cancelled) setState('unsupported')
    })
    return () => {
      cancelled = true
    }
  }, [id, spec, empty])

  useEffect(
    () => () => {
      chart.current?.destroy()
      chart.current = null
    },
    [],
  )

  return (
    <View id={`${id}-box`} className={`chart-box chart-${state}`}>
      <View className='chart-caption'>{spec.caption}</View>
      {empty ? (
        <Text className='hint'>暂无数据</Text>
      ) : (
        <ChartCanvas id={id} height={height} />
      )}
    </View>
  )
}
