// Contacts, with what hangs on each: notes, tags, list and segment membership, the blacklist.
import { addNoteAction } from '../outbox/actions/add-note'
import { addTagAction } from '../outbox/actions/add-tag'
import { addToListAction } from '../outbox/actions/add-to-list'
import { addToSegmentAction } from '../outbox/actions/add-to-segment'
import { createContactAction } from '../outbox/actions/create-contact'
import { deleteContactAction } from '../outbox/actions/delete-contact'
import { removeFromListAction } from '../outbox/actions/remove-from-list'
import { removeFromSegmentAction } from '../outbox/actions/remove-from-segment'
import { removeTagAction } from '../outbox/actions/remove-tag'
import { toggleBlacklistAction } from '../outbox/actions/toggle-blacklist'
import { updateContactAction } from '../outbox/actions/update-contact'
import { contactsPass } from '../sync/steps/contacts'
import { defineResource } from './define'

export const contactsResource = defineResource({
  name: 'contacts',
  pattern: 'newest-first',
  endpoints: [
    'GET /contacts',
    'GET /contacts/{id}',
    'POST /contacts',
    'PUT /contacts/{id}',
    'DELETE /contacts/{id}',
    'POST /contacts/{id}/blacklist',
    'GET /contacts/{id}/notes',
    'POST /contacts/{id}/notes',
    'POST /contacts/{id}/tags',
    'DELETE /contacts/{id}/tags/{tag_id}',
    'POST /contacts/{id}/lists',
    'DELETE /contacts/{id}/lists/{list_id}',
    'POST /contacts/{id}/segments',
    'DELETE /contacts/{id}/segments/{segment_id}',
  ],
  fullPass: contactsPass,
  fullPassStep: 1,
  actions: [
    createContactAction,
    updateContactAction,
    deleteContactAction,
    addNoteAction,
    addTagAction,
    removeTagAction,
    addToListAction,
    removeFromListAction,
    addToSegmentAction,
    removeFromSegmentAction,
    toggleBlacklistAction,
  ],
})
