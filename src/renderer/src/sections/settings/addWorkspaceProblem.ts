/**
 * What went wrong adding a workspace, in words for the user, and which field (if any) they
 * should fix: the form moves focus there (or to the message when no field is at fault).
 */
import type { ProviderCapabilities } from '../../../../shared/providers/capabilities'
import { BridgeCallError, describeError } from '../../lib/bridge'

export type AddWorkspaceField = 'name' | 'apiKey' | 'baseUrl'

export interface AddWorkspaceProblem {
  message: string
  /** The field to fix; null when the problem is not one field's (e.g. no connection). */
  field: AddWorkspaceField | null
}

type Provider = Pick<ProviderCapabilities, 'displayName' | 'apiKey'>

const FIELDS: readonly AddWorkspaceField[] = ['name', 'apiKey', 'baseUrl']

/** A form that is not filled in yet: the first missing field, before anything is sent. */
export function missingInput(
  provider: Provider,
  input: { name: string; apiKey: string }
): AddWorkspaceProblem | null {
  if (!input.name.trim()) {
    return { message: 'Give the workspace a name, e.g. your company.', field: 'name' }
  }
  if (!input.apiKey.trim()) {
    return {
      message: `Paste your ${provider.displayName} API key (${provider.apiKey.whereToFind}).`,
      field: 'apiKey'
    }
  }
  return null
}

/** Why main refused to add the workspace. */
export function problemFrom(provider: Provider, error: unknown): AddWorkspaceProblem {
  if (error instanceof BridgeCallError) {
    if (error.code === 'unauthorized') {
      return {
        message: `${provider.displayName} did not accept that API key. Copy it again from ${provider.apiKey.whereToFind}; nothing was saved.`,
        field: 'apiKey'
      }
    }
    if (error.code === 'offline' || error.code === 'network') {
      return {
        message: `Revdesk could not reach ${provider.displayName} to check the key. Check your connection and try again; nothing was saved.`,
        field: null
      }
    }
    // The key may not go to that address (refused by a rule, or by the user when asked).
    if (error.code === 'key_withheld') return { message: error.message, field: 'baseUrl' }
    if (error.issues.length > 0) {
      const path = error.issues[0]?.path.split('.')[0] ?? ''
      return {
        message: error.issues.map((issue) => issue.message).join(' '),
        field: FIELDS.find((field) => field === path) ?? null
      }
    }
  }
  return { message: describeError(error), field: null }
}
