// add to segment: see membership.ts for the shape all four share.
import { membershipAction } from './membership'

export const addToSegmentAction = membershipAction('segment', true)
