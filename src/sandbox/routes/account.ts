// GET/PATCH /account, GET /account/subscription, GET /account/channels.
import { z } from 'zod'
import { accountJson, channelJson, subscriptionJson } from '../data/serialize'
import { ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { integer, nullableString, oneOf, optionalString, validate } from '../http/validate'

const TIMEZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'))

// Both documented versions of the PATCH body are accepted: name/locale (older) and
// company_name/address/country_id (newer). `name` and `company_name` are the same field.
const accountPatch = z.object({
  name: optionalString('name'),
  company_name: optionalString('company_name'),
  address: nullableString('address', 500),
  timezone: optionalString('timezone', 64),
  locale: oneOf('locale', ['en', 'ar']).optional(),
  country_id: integer('country_id').optional(),
})

export function accountRoutes(router: Router): void {
  router.get('/account', ({ store }) => ok(accountJson(store)))

  router.patch('/account', ({ store, body }) => {
    const input = validate(accountPatch, body)
    if (input.timezone !== undefined && !TIMEZONES.has(input.timezone)) {
      throw validationFailed({ timezone: ['The timezone field must be a valid timezone.'] })
    }
    const p = store.profile
    const name = input.company_name ?? input.name
    if (name) p.companyName = name
    if (input.address !== undefined) p.address = input.address
    if (input.timezone !== undefined) p.timezone = input.timezone
    if (input.locale !== undefined) p.locale = input.locale
    if (input.country_id !== undefined) p.countryId = input.country_id
    return ok(accountJson(store), 'Account updated successfully.')
  })

  router.get('/account/subscription', ({ store, now }) => ok(subscriptionJson(store, now)))

  router.get('/account/channels', ({ store }) => ok(store.channels.map(channelJson)))
}
