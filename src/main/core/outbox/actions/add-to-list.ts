// add to list: see membership.ts for the shape all four share.
import { membershipAction } from './membership'

export const addToListAction = membershipAction('list', true)
