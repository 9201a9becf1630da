/** "12 of 300 customers", or "Counting… of 1,000,000 customers" while N is being counted. */
import { describeRowCount } from '../values'

export function describeQueryCount(shown: number | null, total: number, noun: string): string {
  return shown === null
    ? `Counting… of ${total.toLocaleString()} ${noun}`
    : describeRowCount(shown, total, noun)
}
