/**
 * Reads the app's IndexedDB straight from the page, not through the app: what is really
 * committed, whatever the UI shows.
 */
import type { LaunchedApp } from './launchApp'

type Read = 'getAll' | 'getAllKeys'

function readTable<T>(app: LaunchedApp, database: string, table: string, read: Read): Promise<T[]> {
  return app.page.evaluate(
    ([dbName, name, how]) =>
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
          const request = db.transaction(name).objectStore(name)[how]()
          request.onsuccess = () => {
            db.close()
            resolve(request.result as T[])
          }
          request.onerror = () => reject(request.error)
        }
      }),
    [database, table, read] as const
  )
}

/** Every row of `table` in database `database` ([] when the table does not exist yet). */
export function storedRows<T>(app: LaunchedApp, database: string, table: string): Promise<T[]> {
  return readTable<T>(app, database, table, 'getAll')
}

/** Every primary key of `table` in database `database` ([] when the table does not exist yet). */
export function storedKeys(app: LaunchedApp, database: string, table: string): Promise<string[]> {
  return readTable<string>(app, database, table, 'getAllKeys')
}
