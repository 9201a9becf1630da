/** The About dialog's words: what is shown and what "Copy version details" puts on the clipboard. */
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

export function versionDetails(info: AboutInfo): string {
  return [
    `${info.name} ${info.version}`,
    `Electron ${info.electron}`,
    `Chromium ${info.chrome}`,
    `Node.js ${info.node}`,
    `${info.platform} ${info.arch}`
  ].join('\n')
}
