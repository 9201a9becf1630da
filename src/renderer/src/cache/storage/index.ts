export { DISK_FULL_EDIT_MESSAGE, DISK_FULL_KIND, DISK_FULL_MESSAGE, isQuotaExceeded } from './quota'
export { persistenceSentence, requestPersistentStorage, type PersistenceState } from './persistence'
export {
  appStorageEstimate,
  estimateCacheSize,
  estimateWorkspaceSize,
  formatBytes,
  type CacheSize
} from './workspaceSize'
