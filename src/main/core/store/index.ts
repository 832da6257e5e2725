// The local store: one SQLite file per account. Open it with openStore; every query and
// write takes the store's `db` as its first argument.
export { openStore, type OpenStoreOptions, type Store } from './open'
export { defaultMigrationsFolder, type JournalEntry } from './migrate'
export { inTransaction, type StoreDb } from './db'
export { StoreError, storeErrorCodes, notFound, type StoreErrorCode } from './errors'
export { normalizeForSearch } from './search/normalize'
export type { SnippetPart } from './search/snippet'

// Writes (the sync engine and the outbox)
export type { PageWrite } from './writes/partition'
export type { ReplaceResult } from './writes/replace'
export { saveAccount, saveSubscription, replaceChannels } from './writes/account'
export { upsertContacts, deleteContacts } from './writes/contacts'
export { replaceContactNotes } from './writes/notes'
export { replaceTags, replaceLists, replaceSegments } from './writes/groups'
export {
  insertLocalGroup,
  rekeyGroup,
  retitleContactTags,
  takeContactTags,
  putBackContactTags,
  groupContactCount,
  groupName,
  type GroupKind,
} from './writes/local-groups'
export { upsertListMembers, upsertSegmentMembers } from './writes/members'
export { upsertConversations, markMessagesSynced } from './writes/conversations'
export { showReplyInConversation, undoReplyInConversation, type PreviewBefore } from './writes/local-conversations'
export { upsertMessages } from './writes/messages'
export {
  insertLocalMessage,
  confirmLocalMessage,
  deleteLocalMessage,
  failLocalMessage,
  editLocalMessage,
  findLocalMessage,
  type LocalMessageInput,
} from './writes/local-messages'
export {
  nextLocalId,
  patchRow,
  removeRow,
  restoreRow,
  takeRow,
  putBackRow,
  insertLocalContact,
  rekeyContact,
  insertLocalMedia,
  rekeyMedia,
  insertLocalCampaign,
  rekeyCampaign,
  saveCampaignIfUnheld,
  type RowSnapshot,
  type LocalContactInput,
  type LocalMediaInput,
  type LocalCampaignInput,
} from './writes/local-entities'
export { insertLocalNote, confirmLocalNote, deleteLocalNote, setContactTag, setMembership, tagTitle, releaseProvisionalTags } from './writes/local-contact-links'
export { outboxActions, outboxLocalIds } from './schema/outbox'
export { upsertMedia, setMediaCachePath } from './writes/media'
export { epochMs } from './time'
export { pendingDeletes, withoutPendingDeletes } from './queries/pending-deletes'
export { unsettledIds, unsettledKeys } from './queries/unsettled-lanes'
export { storedServerIds, storedSessionIds, countVoiceDialects, type NumberedList } from './queries/server-rows'
export { localEntities, entity, entityByRefKey, fieldOf, labelOf, type EntityName, type EntityOf } from './entities'
export type { LocalEntitySpec } from './schema/entity'
export { replaceCampaigns, upsertCampaignContacts } from './writes/campaigns'
export { replaceTeam, insertLocalTeamMember, rekeyTeamMember } from './writes/team'
export { replaceWebhooks, replaceWebhookEvents, insertLocalWebhook, rekeyWebhook } from './writes/webhooks'
export { teamList, webhookList, webhookEventList, teamCount, type TeamMemberItem, type WebhookItem } from './queries/admin'
export * from './writes/tickets'
export * from './writes/bookings'
export * from './writes/web-chat'
export { countUnseenChildren, markAll, markSeen, markSlice, sweepUnseen, type SweepTarget, type WholeTable } from './writes/sweep'
export { holdForLocalChange, releaseLocalChange, requireLocal, type LocalEntity } from './writes/local-changes'
export { saveSyncState, deleteSyncState, type SyncStatePatch } from './writes/sync-state'
export type { ChildRows } from './writes/row-children'

// Queries (the views)
export type { Page } from './queries/page'
export { getAccount, type AccountView } from './queries/account'
export {
  conversationPage,
  type ConversationCursor,
  type ConversationItem,
  type ConversationPageOptions,
} from './queries/conversations'
export { unreadTotal, unreadCounts, type UnreadCounts } from './queries/unread'
export { markConversationRead } from './writes/read-marks'
export { describeLocalDraft } from './writes/local-campaigns'
export { threadPage, type MessageItem, type ThreadCursor, type ThreadPageOptions } from './queries/thread'
export { searchMessages, countMessageHits, searchContacts, type MessageHit, type MessageSearchOptions, type ContactHit } from './queries/search'
export { contactPage, getContact, contactIdsMatching, type ContactFilter, type ContactItem, type ContactDetail } from './queries/contacts'
export { audienceCount, namedContacts, type Audience } from './queries/audience'
export { contactsForExport, type ContactExportRow } from './queries/contacts-export'
export { mediaPage, getMedia, type MediaItem, type MediaCursor, type MediaPageOptions } from './queries/media'
export {
  campaignList,
  getCampaign,
  campaignContactsPage,
  campaignContactsAll,
  campaignName,
  type DeliveryFilter,
  type CampaignItem,
  type CampaignDetail,
  type CampaignProgress,
  type CampaignContactItem,
} from './queries/campaigns'
export * from './queries/tickets'
export * from './queries/bookings'
export * from './queries/web-chat'
export * from './queries/sync-news'
export { getSyncState, type SyncState } from './queries/sync-state'
export {
  conversationStamps,
  conversationsDueForMessages,
  countConversationsDueForMessages,
  serverMessageCount,
  contactsWithUnsettledMessages,
  listIds,
  segmentIds,
  campaignIdsByStatus,
  unseenIds,
  countStoredRows,
  countUnseenConversations,
  contactName,
  type ConversationStamp,
} from './queries/sync-progress'

// AI agents
export {
  replaceAiAgents,
  insertLocalAiAgent,
  rekeyAiAgent,
  saveAiAgentIfUnheld,
  setDefaultAiAgent,
  restoreDefaultAiAgent,
  assignAiAgent,
  restoreAssignments,
  type LocalAiAgentInput,
  type PriorAssignment,
} from './writes/ai-agents'
export { aiAgentList, getAiAgent, contactAgents, type AiAgentItem, type AiAgentDetail } from './queries/ai-agents'

// Knowledge base
export {
  replaceKbEntries,
  saveKbDetail,
  saveKbStatus,
  insertLocalKbEntry,
  rekeyKbEntry,
  saveKbEntryIfUnheld,
  takeKbProduct,
  putBackKbProduct,
  shiftProductsCount,
  kbProductNames,
  type KbReplaceResult,
  type LocalKbEntryInput,
} from './writes/knowledge-base'
export { kbList, getKbEntry, kbProcessingIds, type KbFilter, type KbItem, type KbDetailView, type KbProductItem } from './queries/knowledge-base'

// Voice
export { saveVoiceSettings, replaceVoiceDialects, patchVoice, shiftVoiceHold, type VoicePatch } from './writes/voice'
export { getVoice, type VoiceView } from './queries/voice'
