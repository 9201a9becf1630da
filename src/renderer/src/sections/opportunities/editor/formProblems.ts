/**
 * The error summary's model, for both deal editors: one problem per field with a message, in
 * form order, each naming the element to focus; and the summary's headline.
 */
import {
  errorKeysInOrder,
  type FormErrorKey,
  type FormErrors,
  type OpportunityFormField
} from './opportunityForm'

export interface FormProblem {
  /** The id of the element to focus (the field, or the group that holds it). */
  fieldId: string
  /** The field's name, as its label says it. */
  label: string
  message: string
}

/** "2 problems." — every field's problem and the form-wide one counted once each. */
export function problemsHeadline(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}.`
}

const CHARTMOGUL_LABELS: Record<OpportunityFormField | 'customRows', string> = {
  customerUuid: 'Customer',
  owner: 'Owner',
  pipeline: 'Pipeline',
  pipelineStage: 'Stage',
  estimatedCloseDate: 'Estimated close date',
  currency: 'Currency',
  amount: 'Amount',
  type: 'Type',
  forecastCategory: 'Forecast category',
  winLikelihood: 'Win likelihood (%)',
  customRows: 'Custom attributes'
}

function chartMogulLabel(key: Exclude<FormErrorKey, 'form'>): string {
  const row = /^customRows\.(\d+)\.(key|value)$/.exec(key)
  if (row) return `Custom attribute ${Number(row[1]) + 1} ${row[2] === 'key' ? 'key' : 'value'}`
  return CHARTMOGUL_LABELS[key as OpportunityFormField | 'customRows']
}

/** The ChartMogul editor's problems ('form' is not a field's: the summary shows it apart). */
export function opportunityProblems(
  errors: FormErrors,
  rowCount: number,
  fieldId: (key: FormErrorKey) => string
): FormProblem[] {
  const problems: FormProblem[] = []
  for (const key of errorKeysInOrder(rowCount)) {
    const message = errors[key]
    if (key === 'form' || message === undefined) continue
    problems.push({ fieldId: fieldId(key), label: chartMogulLabel(key), message })
  }
  return problems
}
