// Edit the account's profile (company name, address, timezone, country), offline like any
// other edit: shown at once, sent when online. Consecutive edits are merged.
import { z } from 'zod'
import { t } from '../../language'
import { saveAccount } from '../../store'
import { accountId, patchAccount, type AccountPatch } from '../../store/writes/account'
import { notFound } from '../../store'
import type { ActionDef } from './define'
import { hold, release } from './hold'

const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])

// The profile's fields as the outbox summary names them, in the core's language.
const fieldNames: Record<string, () => string> = {
  company_name: () => t().account_field_company_name(),
  address: () => t().account_field_address(),
  timezone: () => t().account_field_timezone(),
  country_id: () => t().account_field_country(),
}
const fieldName = (key: string) => fieldNames[key]?.() ?? key.replace('_id', '').replace('_', ' ')

export const accountChanges = z
  .object({
    company_name: z.string().trim().min(1, { error: () => t().account_enter_company() }).max(255).optional(),
    address: z.string().trim().max(500).optional(),
    timezone: z.string().refine((v) => TIMEZONES.has(v), { error: () => t().account_choose_timezone() }).optional(),
    country_id: z.number().int().positive().optional(),
  })
  .strict()
export type AccountChanges = z.output<typeof accountChanges>

const schema = z.object({
  accountId: z.number().int(),
  changes: accountChanges,
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateAccountPayload = z.output<typeof schema>

function rowFields(c: AccountChanges): AccountPatch {
  return {
    companyName: c.company_name,
    displayName: c.company_name,
    address: c.address,
    timezone: c.timezone,
    // The name comes with the next read of the profile.
    country: c.country_id === undefined ? undefined : { id: c.country_id, name: null, code: null },
  }
}

export const updateAccountAction: ActionDef<UpdateAccountPayload> = {
  kind: 'update-account',
  payload: { current: 1, schema },
  lane: (p) => `account:${p.accountId}`,
  summary: (p) => t().account_summary_profile({ fields: Object.keys(p.changes).map(fieldName).join(t().account_list_separator()) }),
  repeatable: true,
  resources: ['account'],
  apply(db, p, { hold: holding }) {
    if (accountId(db) !== p.accountId) throw notFound('The account profile')
    const before = patchAccount(db, rowFields(p.changes))
    if (holding) hold(db, { kind: 'account', id: p.accountId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchAccount(db, p.previous as AccountPatch)
    release(db, { kind: 'account', id: p.accountId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.account.update(p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'account', id: p.accountId })
    // The client re-reads the profile after the PATCH; saveAccount leaves a held row alone.
    if (result.record) saveAccount(db, result.record as Parameters<typeof saveAccount>[1])
  },
  coalesce(queued, next) {
    const q = queued.payload as { accountId?: number; changes?: object }
    return queued.kind === 'update-account' && q.accountId === next.accountId ? { ...q, changes: { ...q.changes, ...next.changes } } : null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...accountChanges.parse(changes) } }),
}
