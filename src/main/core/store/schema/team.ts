// The account's team members, re-read whole. Passwords are never stored (they go out once
// with a create or an edit and the server never sends them back).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

export const teamMembers = sqliteTable('team_members', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  role: text('role').notNull(),
  status: text('status'),
  createdAt: text('created_at'),
  updatedAt: text('updated_at'),
  localRevision: localRevision(),
})

export const teamMemberEntity = localEntity({ name: 'teamMember', noun: 'team member', table: teamMembers, key: teamMembers.id, revision: teamMembers.localRevision, label: teamMembers.name, refKeys: ['teamMemberId'] })
