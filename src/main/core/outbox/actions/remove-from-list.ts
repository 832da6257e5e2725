// remove from list: see membership.ts for the shape all four share.
import { membershipAction } from './membership'

export const removeFromListAction = membershipAction('list', false)
