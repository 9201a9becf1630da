/** The About dialog's words for where API keys are kept. */
import type { AboutInfo } from '../../../shared/bridge/contract'

export function keyStorageText(info: AboutInfo): string {
  switch (info.keyStorage.backend) {
    case 'keychain':
      return 'Your system keychain'
    case 'encrypted-file':
      return `An encrypted file: ${info.keyFile}`
    case 'unavailable':
      return 'Nowhere: no secure storage on this computer'
  }
}
