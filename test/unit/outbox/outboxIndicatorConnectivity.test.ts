/** The status bar's outbox button says why its changes wait, from the connectivity model. */
import { expect, test } from 'vitest'
import { outboxIndicatorLabel } from '../../../src/renderer/src/shell/outboxIndicatorLabel'

const reason = 'Waiting — ChartMogul cannot be reached; next try 06:30'

test('waiting changes name the reason they wait', () => {
  expect(outboxIndicatorLabel({ pending: 3, failed: 0, paused: null, waitReason: reason })).toEqual(
    {
      label: '3 changes waiting to be sent — ChartMogul cannot be reached; next try 06:30',
      title: '3 changes waiting to be sent — ChartMogul cannot be reached; next try 06:30',
      tone: 'neutral'
    }
  )
})

test('no reason while the connection holds nothing back, nor when only refusals are left', () => {
  expect(
    outboxIndicatorLabel({ pending: 1, failed: 0, paused: null, waitReason: null })?.label
  ).toBe('1 change waiting to be sent')
  expect(
    outboxIndicatorLabel({ pending: 0, failed: 1, paused: null, waitReason: reason })?.label
  ).toBe('1 change needs attention')
})
