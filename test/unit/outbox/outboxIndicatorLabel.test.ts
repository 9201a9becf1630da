/** The status bar's outbox indicator: when it shows, what it says, how loud it is. */
import { describe, expect, test } from 'vitest'
import { outboxIndicatorLabel } from '../../../src/renderer/src/shell/outboxIndicatorLabel'

const PAUSE = {
  kind: 'unauthorized',
  reason: 'ChartMogul refused the API key. Update it in Settings.'
}

describe('outboxIndicatorLabel', () => {
  test('hidden when everything has been sent', () => {
    expect(outboxIndicatorLabel({ pending: 0, failed: 0, paused: null })).toBeNull()
    expect(outboxIndicatorLabel({ pending: -1, failed: 0, paused: null })).toBeNull()
  })

  test('changes waiting, singular and plural', () => {
    expect(outboxIndicatorLabel({ pending: 1, failed: 0, paused: null })).toEqual({
      label: '1 change waiting to be sent',
      title: '1 change waiting to be sent',
      tone: 'neutral'
    })
    expect(outboxIndicatorLabel({ pending: 3, failed: 0, paused: null })?.label).toBe(
      '3 changes waiting to be sent'
    )
  })

  test('changes needing attention are loud', () => {
    expect(outboxIndicatorLabel({ pending: 0, failed: 1, paused: null })).toEqual({
      label: '1 change needs attention',
      title: '1 change needs attention',
      tone: 'danger'
    })
    expect(outboxIndicatorLabel({ pending: 0, failed: 2, paused: null })?.label).toBe(
      '2 changes need attention'
    )
  })

  test('both: attention first', () => {
    expect(outboxIndicatorLabel({ pending: 3, failed: 1, paused: null })).toEqual({
      label: '1 change needs attention, 3 changes waiting to be sent',
      title: '1 change needs attention, 3 changes waiting to be sent',
      tone: 'danger'
    })
  })

  test('paused: says so, and why in the tooltip', () => {
    expect(outboxIndicatorLabel({ pending: 0, failed: 0, paused: PAUSE })).toEqual({
      label: 'Sending paused',
      title: `Sending paused. ${PAUSE.reason}`,
      tone: 'warn'
    })
    expect(outboxIndicatorLabel({ pending: 2, failed: 0, paused: PAUSE })).toEqual({
      label: 'Sending paused, 2 changes waiting to be sent',
      title: `Sending paused, 2 changes waiting to be sent. ${PAUSE.reason}`,
      tone: 'warn'
    })
  })

  test('paused with changes needing attention stays loud', () => {
    expect(outboxIndicatorLabel({ pending: 2, failed: 1, paused: PAUSE })).toMatchObject({
      label: 'Sending paused, 1 change needs attention, 2 changes waiting to be sent',
      tone: 'danger'
    })
  })

  test('a pause without a reason has a plain tooltip', () => {
    expect(
      outboxIndicatorLabel({ pending: 0, failed: 0, paused: { kind: 'no_key', reason: ' ' } })
    ).toEqual({ label: 'Sending paused', title: 'Sending paused', tone: 'warn' })
  })
})
