import { z } from 'zod'
import { method } from './define'
import { serverAddressProblem } from './server-address'

export const accountSummary = z.object({
  id: z.string(),
  serverId: z.number(),
  name: z.string(),
  baseUrl: z.string(),
  keyStorage: z.enum(['keychain', 'session', 'demo']),
  /** SkyLight rejected the key: sync is stopped until a new one is given. */
  keyRejected: z.boolean(),
  /** A session-only key was lost when the app restarted. */
  keyMissing: z.boolean(),
  isDemo: z.boolean(),
  /**
   * The account's local copy: 'damaged' (offer account-rebuild), 'unavailable' (in use by
   * another program, read-only, or the disk is full: the message says which), else 'ok'.
   */
  localData: z.enum(['ok', 'damaged', 'unavailable']),
  /** What is wrong with the local copy and what to do, when it is not 'ok'. */
  localDataMessage: z.string().nullable(),
})
export type AccountSummary = z.output<typeof accountSummary>

export const accountList = z.object({ accounts: z.array(accountSummary), activeId: z.string().nullable() })
export type AccountList = z.output<typeof accountList>

const id = z.object({ id: z.string().min(1).max(64) }).strict()
const apiKey = z.string().trim().min(1, 'Enter the API key').max(512)
/** https:// (http:// only for this computer), no credentials in it: server-address.ts. */
const baseUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    if (value === '') return
    const problem = serverAddressProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const accountMethods = {
  'accounts-list': method(z.object({}).strict(), accountList),
  /** Checks the key with SkyLight (GET /account) before anything is saved. */
  'account-add': method(
    z.object({ apiKey, baseUrl: baseUrl.optional(), sessionOnly: z.boolean().optional() }).strict(),
    accountSummary,
  ),
  /** A demo account on a built-in SkyLight server with generated data. */
  'account-add-demo': method(z.object({}).strict(), accountSummary),
  'account-switch': method(id, accountList),
  /** Deletes the account's key and every local file of it. */
  'account-remove': method(id, accountList),
  /**
   * A damaged local copy is moved aside (account.sqlite.damaged-<time>), a fresh one is
   * downloaded from SkyLight, and the unsent actions that could be read are queued again.
   */
  'account-rebuild': method(id, accountSummary),
  'account-replace-key': method(
    z.object({ id: z.string().min(1).max(64), apiKey, sessionOnly: z.boolean().optional() }).strict(),
    accountSummary,
  ),
}
