// remove from segment: see membership.ts for the shape all four share.
import { membershipAction } from './membership'

export const removeFromSegmentAction = membershipAction('segment', false)
