import { percentile } from './stats'

/** One issue target: a measured figure, its limit and whether it holds. */
export interface Verdict {
  name: string
  value: number
  op: '>=' | '<='
  limit: number
  unit: string
}

const verdicts: Verdict[] = []

const show = (value: number, unit: string) => `${value.toFixed(unit === '×' ? 2 : 1)}${unit === '×' ? '×' : ` ${unit}`}`
const holds = (v: Verdict) => (v.op === '>=' ? v.value >= v.limit : v.value <= v.limit)

/** Records a target's figure and prints it with its limit at once; `printVerdicts` repeats them all at the end. */
export function verdict(name: string, value: number, op: '>=' | '<=', limit: number, unit = '×'): boolean {
  const v = { name, value, op, limit, unit }
  verdicts.push(v)
  console.log(`TARGET ${line(v)}`)
  return holds(v)
}

function line(v: Verdict): string {
  return `${v.name}: ${show(v.value, v.unit)} (target ${v.op === '>=' ? '≥' : '≤'} ${show(v.limit, v.unit)}) ${holds(v) ? 'holds' : 'MISSED'}`
}

export function printVerdicts(): void {
  if (verdicts.length === 0) return
  console.log(`\nTargets (${verdicts.filter(holds).length} of ${verdicts.length} hold):`)
  for (const v of verdicts) console.log(`  ${holds(v) ? '✓' : '✗'} ${line(v)}`)
}

/**
 * Runs target and reference side by side, interleaved (reference first, then target, `pairs` times), and returns the
 * median of the per-pair ratios target/reference: noise on this shared machine hits both sides of a pair alike.
 */
export async function interleaved(pairs: number, reference: () => Promise<number>, target: () => Promise<number>) {
  const ratios: number[] = []
  const refs: number[] = []
  const targets: number[] = []
  for (let i = 0; i < pairs; i++) {
    const r = await reference()
    const t = await target()
    refs.push(r)
    targets.push(t)
    ratios.push(t / r)
  }
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50)
  return { ratio: median(ratios), reference: median(refs), target: median(targets), ratios }
}
