// Tags, lists and segments: small collections re-read whole; a list's or segment's members
// are re-read when its member count changed.
import { syncGroups } from '../sync/steps/groups'
import { defineResource } from './define'

export const groupsResource = defineResource({
  name: 'groups',
  pattern: 'whole',
  endpoints: ['GET /tags', 'GET /contacts/lists', 'GET /contacts/lists/{id}/members', 'GET /contacts/segments', 'GET /contacts/segments/{id}/members'],
  fullPass: (ctx) => syncGroups(ctx, true),
  fullPassStep: 2,
  refresh: { step: (ctx) => syncGroups(ctx, false), cadence: 'every-refresh' },
  actions: [],
})
