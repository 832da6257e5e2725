// Tags, lists and segments: small collections re-read whole; a list's or segment's members
// are re-read when its member count changed. Each can be created, renamed and deleted
// offline (actions/create-group.ts, rename-group.ts, delete-group.ts).
import { createListAction, createSegmentAction, createTagAction } from '../outbox/actions/create-group'
import { deleteListAction, deleteSegmentAction, deleteTagAction } from '../outbox/actions/delete-group'
import { renameListAction, renameSegmentAction, renameTagAction } from '../outbox/actions/rename-group'
import { syncGroups } from '../sync/steps/groups'
import { defineResource } from './define'

export const groupsResource = defineResource({
  name: 'groups',
  pattern: 'whole',
  endpoints: [
    'GET /tags',
    'POST /tags',
    'PUT /tags/{id}',
    'DELETE /tags/{id}',
    'GET /contacts/lists',
    'POST /contacts/lists',
    'PUT /contacts/lists/{id}',
    'DELETE /contacts/lists/{id}',
    'GET /contacts/lists/{id}/members',
    'GET /contacts/segments',
    'POST /contacts/segments',
    'PUT /contacts/segments/{id}',
    'DELETE /contacts/segments/{id}',
    'GET /contacts/segments/{id}/members',
  ],
  fullPass: (ctx) => syncGroups(ctx, true),
  fullPassStep: 2,
  refresh: { step: (ctx) => syncGroups(ctx, false), cadence: 'every-refresh' },
  actions: [
    createTagAction,
    renameTagAction,
    deleteTagAction,
    createListAction,
    renameListAction,
    deleteListAction,
    createSegmentAction,
    renameSegmentAction,
    deleteSegmentAction,
  ],
})
