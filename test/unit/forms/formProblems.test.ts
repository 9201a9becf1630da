/** The deal editors' error summary model: one problem per field, in form order, with labels. */
import { describe, expect, it } from 'vitest'
import {
  opportunityProblems,
  problemsHeadline
} from '../../../src/renderer/src/sections/opportunities/editor/formProblems'

const fieldId = (key: string): string => `f-${key}`

describe('the error summary', () => {
  it('counts problems in words', () => {
    expect(problemsHeadline(1)).toBe('1 problem.')
    expect(problemsHeadline(3)).toBe('3 problems.')
  })

  it('lists the ChartMogul editor’s messages in form order, leaving the form-wide one out', () => {
    const problems = opportunityProblems(
      {
        amount: 'Enter an amount.',
        form: 'Something about the whole deal.',
        'customRows.1.value': 'Enter a number, like 42 or 3.5.',
        customerUuid: 'Choose a customer.',
        winLikelihood: 'Enter a whole number from 0 to 100.'
      },
      2,
      fieldId
    )
    expect(problems).toEqual([
      { fieldId: 'f-customerUuid', label: 'Customer', message: 'Choose a customer.' },
      { fieldId: 'f-amount', label: 'Amount', message: 'Enter an amount.' },
      {
        fieldId: 'f-winLikelihood',
        label: 'Win likelihood (%)',
        message: 'Enter a whole number from 0 to 100.'
      },
      {
        fieldId: 'f-customRows.1.value',
        label: 'Custom attribute 2 value',
        message: 'Enter a number, like 42 or 3.5.'
      }
    ])
  })

  it('has nothing to list without messages', () => {
    expect(opportunityProblems({}, 0, fieldId)).toEqual([])
  })
})
