/** Bridge handlers for the app's self-update; arguments were validated by the dispatcher. */
import type { BridgeHandlers } from '../ipc/dispatcher'
import type { UpdateController } from './updateController'

export function createUpdateHandlers(
  updates: UpdateController
): Pick<
  BridgeHandlers,
  'getUpdateState' | 'checkForUpdates' | 'restartToUpdate' | 'setOutboxBusy'
> {
  return {
    getUpdateState: () => updates.state(),
    checkForUpdates: () => updates.checkNow(),
    restartToUpdate: () => updates.restartToUpdate(),
    setOutboxBusy: ({ busy }) => updates.setOutboxBusy(busy)
  }
}
