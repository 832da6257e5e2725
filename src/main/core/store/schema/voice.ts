// The account's voice settings (one row, id 1) and the dialects to choose from (re-read
// whole). The user's own provider key is not here: it never reaches SQLite.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

export const voiceSettings = sqliteTable('voice_settings', {
  id: integer('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  voiceConfigured: integer('voice_configured', { mode: 'boolean' }).notNull(),
  hasClonedVoice: integer('has_cloned_voice', { mode: 'boolean' }).notNull(),
  voiceId: text('voice_id'),
  voiceName: text('voice_name'),
  language: text('language'),
  dialect: text('dialect'),
  voicePreloadedAt: text('voice_preloaded_at'),
  /** Whether SkyLight says the account uses its own provider key (never the key itself). */
  usesOwnKey: integer('uses_own_key', { mode: 'boolean' }),
  localRevision: localRevision(),
})

export const voiceDialects = sqliteTable('voice_dialects', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nativeName: text('native_name'),
  language: text('language'),
  position: integer('position').notNull(),
})

export const voiceSettingsEntity = localEntity({ name: 'voiceSettings', noun: 'voice settings', table: voiceSettings, key: voiceSettings.id, revision: voiceSettings.localRevision })
