/**
 * Asks the user, natively, before a workspace's API key goes to a host that is neither the
 * provider's own nor this computer nor already confirmed for that workspace. The page cannot
 * answer, skip or word this question: main asks it and main reads the answer.
 */
import { AppError } from '../../ipc/appError'
import type { AskUser, UserQuestion } from '../../platform/askUser'
import { keyNeedsConfirmation, keyProviderOf } from '../../security/apiHosts'
import { API_PROVIDERS, checkApiAddress } from '../../../shared/workspace/apiAddress'
import { providerOf, type Workspace } from '../../../shared/workspace/workspace'

/** What the question needs to know about the workspace whose key would be sent. */
export type KeyOwner = Pick<Workspace, 'name' | 'kind' | 'provider' | 'confirmedHosts'>

export type Consent =
  /** No question was needed (provider's own host, this computer, confirmed before). */
  | { asked: false }
  /** The user said yes to this host just now: record it with the workspace. */
  | { asked: true; host: string }

export function keyHostQuestion(owner: KeyOwner, url: string, host: string): UserQuestion {
  const provider = API_PROVIDERS[providerOf(owner)]
  return {
    title: 'Send API key?',
    message: `Send your ${provider.name} API key to ${host}?`,
    detail:
      `“${owner.name}” is set to use ${url}, which is not ${provider.name}’s own address ` +
      `(${provider.host}). Whoever runs ${host} gets your key and, with it, your ${provider.name} data. ` +
      'Continue only if you set up this address yourself.',
    confirmLabel: `Send key to ${host}`,
    cancelLabel: 'Cancel'
  }
}

/**
 * Resolves when the key may go to `url`, asking first when needed. Throws AppError `key_withheld`
 * (with `whenDeclined` appended to the message) when the user says no, and for an address the
 * rules refuse outright, without asking.
 */
export async function ensureKeyMayGo(
  askUser: AskUser,
  owner: KeyOwner,
  url: string,
  whenDeclined: string
): Promise<Consent> {
  const checked = checkApiAddress(url)
  if (!checked.ok) {
    throw new AppError(
      'key_withheld',
      `The API address of “${owner.name}” is not allowed: ${checked.message} Change it in Settings.`
    )
  }
  if (!keyNeedsConfirmation(keyProviderOf(owner), checked.url, owner.confirmedHosts ?? [])) {
    return { asked: false }
  }
  if (!(await askUser(keyHostQuestion(owner, checked.url, checked.host)))) {
    throw new AppError(
      'key_withheld',
      `You chose not to send your API key to ${checked.host}. ${whenDeclined}`
    )
  }
  return { asked: true, host: checked.host }
}
