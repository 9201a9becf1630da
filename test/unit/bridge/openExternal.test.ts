/**
 * `openExternal` through the real dispatcher and handlers: main hands the system browser only the
 * parsed, normalised href; "Open in ChartMogul" opens only ChartMogul's app; any other link is
 * opened only after the user says yes in a native question the page cannot answer.
 */
import { describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import type { UserQuestion } from '../../../src/main/platform/askUser'
import { testServices } from '../support/testServices'

function setup(answer?: (question: UserQuestion) => boolean) {
  const services = testServices(answer ? { answerQuestions: answer } : {})
  return { services, dispatch: createDispatcher(createBridgeHandlers(services)) }
}

describe('openExternal', () => {
  it('never passes a string the browser would read differently', async () => {
    const { services, dispatch } = setup(() => true)
    for (const url of [
      'https:\\\\evil.test',
      'https://app.chartmogul.com/#/customers/1\nhttps://evil.test',
      'https://app.chartmogul.com/\t',
      ' https://app.chartmogul.com/'
    ]) {
      for (const args of [{ url }, { url, purpose: 'chartmogul-app' }]) {
        expect(await dispatch({ method: 'openExternal', args })).toMatchObject({
          ok: false,
          error: { code: 'forbidden' }
        })
      }
    }
    expect(services.opened).toEqual([])
    expect(services.questions).toEqual([])
  })

  it('opens a ChartMogul record without asking, as the normalised href', async () => {
    const { services, dispatch } = setup()
    const result = await dispatch({
      method: 'openExternal',
      args: { url: 'HTTPS://APP.chartmogul.com/#/customers/1-Acme', purpose: 'chartmogul-app' }
    })
    expect(result).toEqual({ ok: true, value: undefined })
    expect(services.opened).toEqual(['https://app.chartmogul.com/#/customers/1-Acme'])
    expect(services.questions).toEqual([])
  })

  it('refuses "Open in ChartMogul" to any other host, without asking', async () => {
    const { services, dispatch } = setup(() => true)
    const result = await dispatch({
      method: 'openExternal',
      args: { url: 'https://evil.example/#/customers/1', purpose: 'chartmogul-app' }
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(
          /evil\.example.*app\.chartmogul\.com|app\.chartmogul\.com.*evil\.example/
        )
      }
    })
    expect(services.opened).toEqual([])
    expect(services.questions).toEqual([])
  })

  it('asks before any other link, naming the host; Cancel opens nothing', async () => {
    const { services, dispatch } = setup()
    const result = await dispatch({
      method: 'openExternal',
      args: { url: 'https://Docs.Example.com/guide?x=1' }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(services.opened).toEqual([])
    expect(services.questions).toHaveLength(1)
    const [question] = services.questions
    expect(question?.detail).toContain('https://docs.example.com/guide?x=1')
    expect(question?.confirmLabel).toContain('docs.example.com')
  })

  it('opens the other link once the user confirms', async () => {
    const { services, dispatch } = setup((q) => q.confirmLabel.includes('docs.example.com'))
    const result = await dispatch({
      method: 'openExternal',
      args: { url: 'https://Docs.Example.com/guide', purpose: 'link' }
    })
    expect(result).toEqual({ ok: true, value: undefined })
    expect(services.opened).toEqual(['https://docs.example.com/guide'])
  })
})
