/**
 * Reads the app's IndexedDB straight from the page, not through the app: what is really
 * committed, whatever the UI shows.
 */
import type { LaunchedApp } from './launchApp'

/** Every row of `table` in database `database` ([] when the table does not exist yet). */
export function storedRows<T>(app: LaunchedApp, database: string, table: string): Promise<T[]> {
  return app.page.evaluate(
    ([dbName, name]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(name)) {
            db.close()
            resolve([])
            return
          }
          const request = db.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result as T[])
          }
          request.onerror = () => reject(request.error)
        }
      }),
    [database, table] as const
  )
}
