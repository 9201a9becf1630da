/**
 * Local time as "06:30": how every "next try" and "wait until" reads. `hourCycle: 'h23'`, not
 * `hour12: false`: the latter picks the h24 cycle in en-US, where five past midnight is "24:05".
 */
const hourMinute = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
})

export type TimeFormat = (ms: number) => string
export const formatHourMinute: TimeFormat = (ms) => hourMinute.format(ms)
