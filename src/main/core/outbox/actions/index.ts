// Every kind of action, by the name stored in the queue.
import { addNoteAction } from './add-note'
import { addTagAction } from './add-tag'
import { addToListAction } from './add-to-list'
import { addToSegmentAction } from './add-to-segment'
import { campaignCommandAction } from './campaign-command'
import { createCampaignAction } from './create-campaign'
import { createContactAction } from './create-contact'
import type { AnyActionDef } from './define'
import { deleteCampaignAction } from './delete-campaign'
import { deleteContactAction } from './delete-contact'
import { deleteMediaAction } from './delete-media'
import { removeFromListAction } from './remove-from-list'
import { removeFromSegmentAction } from './remove-from-segment'
import { removeTagAction } from './remove-tag'
import { renameMediaAction } from './rename-media'
import { sendMessageAction } from './send-message'
import { toggleBlacklistAction } from './toggle-blacklist'
import { updateCampaignAction } from './update-campaign'
import { updateContactAction } from './update-contact'
import { uploadMediaAction } from './upload-media'

export const actionDefs: ReadonlyMap<string, AnyActionDef> = new Map(
  [
    sendMessageAction,
    uploadMediaAction,
    renameMediaAction,
    deleteMediaAction,
    createCampaignAction,
    updateCampaignAction,
    deleteCampaignAction,
    campaignCommandAction,
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
  ].map((def: AnyActionDef) => [def.kind, def]),
)

export {
  addNoteAction,
  addTagAction,
  addToListAction,
  addToSegmentAction,
  campaignCommandAction,
  createCampaignAction,
  createContactAction,
  deleteCampaignAction,
  deleteContactAction,
  deleteMediaAction,
  removeFromListAction,
  removeFromSegmentAction,
  removeTagAction,
  renameMediaAction,
  sendMessageAction,
  toggleBlacklistAction,
  updateCampaignAction,
  updateContactAction,
  uploadMediaAction,
}
