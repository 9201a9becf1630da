/**
 * The one contract between the page and the main process: every renderer→main method with its
 * argument schema and result type, and every main→renderer event with its payload type.
 *
 * - main validates arguments against these schemas at runtime (`src/main/ipc/dispatcher.ts`);
 * - the preload implements `RevdeskBridge` (`src/preload/bridge.ts`), so a missing or mistyped
 *   method does not compile;
 * - the renderer only sees the types (`import type`), never zod or Electron.
 */
import { z } from 'zod'
import type { BridgeEventName, BridgeMethodName } from './surface'
import type { BridgeResult } from './errors'
import {
  monacoDealDraftSchema,
  monacoDealPatchSchema,
  opportunityDraftSchema,
  opportunityPatchSchema,
  type Account,
  type ListPage,
  type Opportunity
} from '../domain'
import type { ResourceRecord, SyncResource } from '../sync/pageSource'
import {
  MONACO_SYNC_ENTITIES,
  type MonacoBounds,
  type MonacoEntityRecord,
  type MonacoLookups,
  type MonacoStep,
  type MonacoSyncEntity
} from '../sync/monacoSource'
import type { SectionId } from '../providers/capabilities'
import { PROVIDER_IDS } from '../providers/providerId'
import type { Workspace } from '../workspace/workspace'
import { checkApiAddress } from '../workspace/apiAddress'
import { unsendableKeyProblem } from '../workspace/apiKeyText'

// ---- argument schemas -------------------------------------------------------------------

export const workspaceIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'A workspace id is 1–64 lowercase letters, digits, "-" or "_", starting with a letter or digit.'
  )

/**
 * Printable ASCII only, checked when a key is saved: whitespace and control characters, and any
 * character an HTTP header cannot carry as sent (see `shared/workspace/apiKeyText.ts`), are
 * refused with a message naming the character, instead of every later call failing.
 */
export const apiKeySchema = z
  .string()
  .min(1, 'The API key is empty.')
  .max(1024, 'That is longer than any API key (1024 characters at most).')
  .refine((key) => !/[\s\p{Cc}]/u.test(key), {
    message: 'An API key has no spaces, line breaks or control characters; check what was pasted.'
  })
  .superRefine((key, context) => {
    // Whitespace and control characters already have their own message above.
    const problem = /[\s\p{Cc}]/u.test(key) ? null : unsendableKeyProblem(key)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

const noArgs = z.undefined()

/** Chosen by the page to name an in-flight request it may later cancel. */
const requestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A request id is 1–64 letters, digits, "-" or "_".')

const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'Use an ISO-8601 date or date-time, e.g. 2024-03-30 or 2024-03-30T12:00:00Z.'
  )
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-03-30.')

/**
 * An API address, refused with a reason or turned into its normalised form (the form that is
 * stored and shown): the one rule in `shared/workspace/apiAddress.ts`.
 */
const baseUrlSchema = z
  .string()
  .max(2048, 'That is far longer than an API address.')
  .transform((raw, context) => {
    const checked = checkApiAddress(raw)
    if (checked.ok) return checked.url
    context.addIssue({ code: 'custom', message: checked.message })
    return z.NEVER
  })

const opportunityUuid = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'That is not an opportunity id.')

const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the workspace a name.')
  .max(80, 'Keep the name under 80 characters.')

const pageBase = {
  workspaceId: workspaceIdSchema,
  requestId: requestIdSchema,
  cursor: z.string().min(1).max(2048).optional(),
  perPage: z.number().int().min(1).max(200).optional()
}

/** One page of one resource, with the filters the sync engine partitions by. */
const fetchPageArgs = z.discriminatedUnion('resource', [
  z.strictObject({
    ...pageBase,
    resource: z.literal('customers'),
    query: z.strictObject({
      status: z
        .string()
        .regex(/^[A-Za-z_ ]{1,40}$/)
        .optional()
    })
  }),
  z.strictObject({ ...pageBase, resource: z.literal('plans'), query: z.strictObject({}) }),
  z.strictObject({
    ...pageBase,
    resource: z.literal('activities'),
    query: z.strictObject({
      startDate: isoDateTime.optional(),
      endDate: isoDateTime.optional(),
      order: z.enum(['date', '-date']).optional()
    })
  }),
  z.strictObject({
    ...pageBase,
    resource: z.literal('opportunities'),
    query: z.strictObject({
      estimatedCloseDateOnOrAfter: calendarDate.optional(),
      estimatedCloseDateOnOrBefore: calendarDate.optional()
    })
  })
])

const workspaceArgs = z.strictObject({ workspaceId: workspaceIdSchema })

const providerSchema = z.enum(PROVIDER_IDS, 'The provider is chartmogul or monaco.')

/** A stored keyset position handed back to main to resume a Monaco listing. */
const keysetPositionSchema = z.strictObject({
  createdAt: isoDateTime.max(64).nullable(),
  seenIdsAtThatInstant: z.array(z.string().min(1).max(128)).max(5_000),
  instantDone: z.boolean()
})

/** One keyset step of one Monaco entity (see shared/sync/monacoSource.ts). */
const monacoListStepArgs = z.strictObject({
  workspaceId: workspaceIdSchema,
  requestId: requestIdSchema,
  entity: z.enum(MONACO_SYNC_ENTITIES),
  position: keysetPositionSchema.optional(),
  updatedAfter: isoDateTime.optional(),
  createdRange: z
    .strictObject({ from: isoDateTime.max(64).optional(), before: isoDateTime.max(64).optional() })
    .optional(),
  pageSize: z.number().int().min(1).max(500).optional()
})

// ---- result and payload types ------------------------------------------------------------

/** Where API keys are kept on this machine, said in words a user understands. */
export interface KeyStorageStatus {
  /** `keychain`: the OS keychain via keytar; `encrypted-file`: Electron safeStorage; `unavailable`: neither works. */
  backend: 'keychain' | 'encrypted-file' | 'unavailable'
  /** true when the only encryption available is Linux's `basic_text` (a fixed, public password). */
  weak: boolean
  /** A sentence to show the user when something is not ideal, else null. */
  notice: string | null
}

export interface AppInfo {
  name: string
  version: string
  platform: string
  keyStorage: KeyStorageStatus
}

/** The About dialog's facts: versions, and where this machine keeps Revdesk's data. */
export interface AboutInfo {
  name: string
  version: string
  electron: string
  chrome: string
  node: string
  platform: string
  arch: string
  /** Electron's userData folder: everything below lives in it. */
  dataFolder: string
  /** The synced data: IndexedDB inside Chromium's profile. */
  cacheFolder: string
  /** Workspaces (names, addresses, sync settings; no keys) and the app's preferences. */
  settingsFiles: string[]
  /** The window's remembered size and position. */
  windowStateFile: string
  /** Where API keys are (keychain, or the encrypted file and its path). */
  keyStorage: KeyStorageStatus
  /** The encrypted fallback file for keys; shown only when that is where keys are kept. */
  keyFile: string
}

/** App-wide preferences (not per workspace), kept in main's data folder. */
export interface Preferences {
  /** Native notifications for problems the user must act on; off unless the user opts in. */
  notifications: boolean
}

/**
 * A problem the page wants a native notification for. The page says only WHICH problem and
 * which workspace; main writes the words (nothing from a server reaches a notification).
 */
export const NOTICE_PROBLEMS = [
  'key-refused',
  'access-refused',
  'storage-full',
  'outbox-attention'
] as const
export type NoticeProblem = (typeof NOTICE_PROBLEMS)[number]

export interface KeyPresence {
  workspaceId: string
  present: boolean
  /** The last four characters, so a user can tell keys apart without the key leaving main. */
  last4: string | null
}

// ---- the contract ----------------------------------------------------------------------

interface MethodSpec<Args extends z.ZodType, Result> {
  args: Args
  /** Phantom: carries the result type; never set at runtime. */
  result?: Result
}

function method<Result>() {
  return <Args extends z.ZodType>(args: Args): MethodSpec<Args, Result> => ({ args })
}

interface EventSpec<Payload> {
  payload?: Payload
}

function event<Payload>(): EventSpec<Payload> {
  return {}
}

export const bridgeMethods = {
  getAppInfo: method<AppInfo>()(noArgs),
  /**
   * Opens an https URL in the system browser; anything else is refused. `chartmogul-app` (a
   * record's "Open in ChartMogul") opens only ChartMogul's app host; any other `link` is opened
   * only after the user confirms its host in a native dialog.
   */
  openExternal: method<void>()(
    z.strictObject({
      url: z.string().max(4096),
      purpose: z.enum(['chartmogul-app', 'link']).default('link')
    })
  ),
  saveKey: method<KeyPresence>()(
    z.strictObject({ workspaceId: workspaceIdSchema, apiKey: apiKeySchema })
  ),
  hasKey: method<KeyPresence>()(workspaceArgs),
  deleteKey: method<KeyPresence>()(workspaceArgs),
  listWorkspaces: method<Workspace[]>()(noArgs),
  /**
   * Creates a provider's demo workspace on first use (ChartMogul when no provider is named); its
   * simulator starts when first synced.
   */
  openDemoWorkspace: method<Workspace>()(z.strictObject({ provider: providerSchema }).optional()),
  /**
   * Checks the key with the provider first (ChartMogul: ping; Monaco: `GET /v1/me`, whose
   * organization and user become the workspace's `identity`); a wrong key is refused and
   * nothing is stored.
   */
  addWorkspace: method<Workspace>()(
    z.strictObject({
      name: workspaceNameSchema,
      apiKey: apiKeySchema,
      baseUrl: baseUrlSchema.optional(),
      provider: providerSchema.default('chartmogul')
    })
  ),
  updateWorkspace: method<Workspace>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      name: workspaceNameSchema.optional(),
      baseUrl: baseUrlSchema.optional(),
      requestsPerSecond: z
        .number()
        .min(1, 'At least 1 request per second.')
        .max(40, 'ChartMogul allows at most 40 requests per second.')
        .optional(),
      syncIntervalMinutes: z
        .number()
        .int('Whole minutes, please.')
        .min(1, 'Sync at most every minute.')
        .max(1440, 'Sync at least once a day.')
        .optional()
    })
  ),
  /** Signs out: deletes the workspace and its key (the page decides about the cache). */
  removeWorkspace: method<{ removed: boolean }>()(workspaceArgs),
  fetchPage: method<ListPage<ResourceRecord[SyncResource]>>()(fetchPageArgs),
  cancelRequest: method<{ cancelled: boolean }>()(z.strictObject({ requestId: requestIdSchema })),
  /** Never retried blindly: an unknown outcome comes back as `outcome_unknown` to reconcile. */
  createOpportunity: method<Opportunity>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      draft: opportunityDraftSchema,
      /** The page's id for this queued create: repeats join or reuse the first send. */
      clientRef: z.string().min(1).max(128).optional()
    })
  ),
  updateOpportunity: method<Opportunity>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      uuid: opportunityUuid,
      patch: opportunityPatchSchema
    })
  ),
  deleteOpportunity: method<{ deleted: true }>()(
    z.strictObject({ workspaceId: workspaceIdSchema, uuid: opportunityUuid })
  ),
  /** null when the server no longer has it. */
  getOpportunity: method<Opportunity | null>()(
    z.strictObject({ workspaceId: workspaceIdSchema, uuid: opportunityUuid })
  ),
  /** The account's name, currency and time zone (for defaults such as a new deal's currency). */
  getAccount: method<Account>()(z.strictObject({ workspaceId: workspaceIdSchema })),
  /** Every deal of a customer (ChartMogul) or account (Monaco), all pages. */
  listCustomerOpportunities: method<Opportunity[]>()(
    z.strictObject({ workspaceId: workspaceIdSchema, customerUuid: z.string().min(1).max(128) })
  ),
  /** One keyset step of a Monaco listing; cancellable with `cancelRequest`. */
  monacoListStep: method<MonacoStep<MonacoEntityRecord[MonacoSyncEntity]>>()(monacoListStepArgs),
  /** Size and `created_at` span of a Monaco listing (plans partitions, estimates progress). */
  monacoListBounds: method<MonacoBounds>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      requestId: requestIdSchema,
      entity: z.enum(MONACO_SYNC_ENTITIES),
      updatedAfter: isoDateTime.optional(),
      countOnly: z.boolean().optional()
    })
  ),
  /** Users, tags and the opportunity field schema of a Monaco workspace, read whole. */
  monacoLookups: method<MonacoLookups>()(
    z.strictObject({ workspaceId: workspaceIdSchema, requestId: requestIdSchema })
  ),
  /**
   * Creates a Monaco deal with the outbox entry's idempotency key: the same key is sent on every
   * retry, so Monaco makes the deal once however often an ambiguous create is resent.
   */
  monacoCreateOpportunity: method<Opportunity>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      draft: monacoDealDraftSchema,
      idempotencyKey: z.uuid('The idempotency key must be a UUID.')
    })
  ),
  /** Versions and where the data lives, for the About dialog. */
  getAboutInfo: method<AboutInfo>()(noArgs),
  /** Opens the app's data folder in the file manager. Main decides the path; none is accepted. */
  openDataFolder: method<void>()(noArgs),
  /**
   * Puts the versions (name, version, Electron, Chromium, Node.js, platform) on the clipboard,
   * written by main: the page's clipboard access is denied with every other permission.
   */
  copyAboutInfo: method<void>()(noArgs),
  getPreferences: method<Preferences>()(noArgs),
  setPreferences: method<Preferences>()(z.strictObject({ notifications: z.boolean() })),
  /**
   * Shows a native notification about a problem (only if the user opted in). Clicking it brings
   * the window forward and opens the place to fix it (Settings or Outbox).
   */
  showNotification: method<{ shown: boolean }>()(
    z.strictObject({
      problem: z.enum(NOTICE_PROBLEMS),
      workspaceId: workspaceIdSchema,
      count: z.number().int().min(1).max(1_000_000).optional()
    })
  ),
  /** PATCH: a `tagIds` list replaces every tag the deal had. */
  monacoUpdateOpportunity: method<Opportunity>()(
    z.strictObject({
      workspaceId: workspaceIdSchema,
      uuid: opportunityUuid,
      patch: monacoDealPatchSchema
    })
  ),
  /** Where the app's self-update stands (also pushed as the `updateState` event). */
  getUpdateState: method<UpdateState>()(noArgs),
  /** Checks the update feed now (as the menu's "Check for Updates…" does). */
  checkForUpdates: method<UpdateState>()(noArgs),
  /** Installs a downloaded update and restarts — once the outbox has finished sending. */
  restartToUpdate: method<UpdateState>()(noArgs),
  /** The page says whether its outbox is sending changes: no restart for an update meanwhile. */
  setOutboxBusy: method<void>()(z.strictObject({ busy: z.boolean() }))
} satisfies Record<BridgeMethodName, MethodSpec<z.ZodType, unknown>>

/**
 * What an application-menu item asks the page to do: the same actions as the page's own
 * buttons and command palette. Sections are named in the ChartMogul order; a section the open
 * workspace's provider does not have is ignored by the page.
 */
export type MenuCommand =
  | { command: 'new-opportunity' }
  | { command: 'add-workspace' }
  | { command: 'export-csv' }
  | { command: 'open-settings' }
  | { command: 'about' }
  | { command: 'go-to-section'; section: SectionId }

/** One record a `revdesk://` link asks to open: a customer (account) or a deal. */
export interface RecordLink {
  kind: 'customer' | 'opportunity'
  id: string
}

/**
 * Where the app's self-update stands (`src/main/updates/`). `off` carries the sentence that says
 * why (not configured for this build, not the installed app, turned off); `error.message` is
 * the feed server's text, redacted.
 */
export type UpdateState =
  | { status: 'off'; reason: string }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'not-available' }
  | { status: 'downloading'; version: string | null; percent: number }
  /** `restartWhenIdle`: the user chose Restart while changes were being sent. */
  | { status: 'ready'; version: string; restartWhenIdle: boolean }
  | { status: 'error'; message: string }

export const bridgeEvents = {
  /** A key was saved or deleted (from any window). */
  keyChanged: event<KeyPresence>(),
  /** The user chose an application-menu item that the page carries out (`src/main/menu/`). */
  menuCommand: event<MenuCommand>(),
  /** A revdesk:// link was opened: show that customer's 360 panel or that deal's editor. */
  openRecord: event<RecordLink>(),
  /** The app's self-update moved on (checking, downloading, ready to restart, …). */
  updateState: event<UpdateState>()
} satisfies Record<BridgeEventName, EventSpec<unknown>>

// ---- derived types -----------------------------------------------------------------------

type Methods = typeof bridgeMethods
type Events = typeof bridgeEvents

/** What the caller passes (before schema defaults/transforms). */
export type ArgsOf<M extends BridgeMethodName> = z.input<Methods[M]['args']>
/** What a main-process handler receives (after validation). */
export type ParsedArgsOf<M extends BridgeMethodName> = z.output<Methods[M]['args']>
export type ResultOf<M extends BridgeMethodName> = Exclude<Methods[M]['result'], undefined>
export type PayloadOf<E extends BridgeEventName> = Exclude<Events[E]['payload'], undefined>

type BridgeCall<M extends BridgeMethodName> = [ArgsOf<M>] extends [undefined]
  ? () => Promise<BridgeResult<ResultOf<M>>>
  : (args: ArgsOf<M>) => Promise<BridgeResult<ResultOf<M>>>

/** The object the preload exposes as `window.revdesk`. */
export type RevdeskBridge = { readonly [M in BridgeMethodName]: BridgeCall<M> } & {
  /** Subscribes to a main→renderer event; returns the unsubscribe function. */
  readonly on: <E extends BridgeEventName>(
    event: E,
    listener: (payload: PayloadOf<E>) => void
  ) => () => void
}

/** Wire shape of a request on INVOKE_CHANNEL. */
export interface InvokeRequest {
  method: string
  args?: unknown
}

/** Wire shape of a message on EVENT_CHANNEL. */
export interface EventMessage<E extends BridgeEventName = BridgeEventName> {
  event: E
  payload: PayloadOf<E>
}
