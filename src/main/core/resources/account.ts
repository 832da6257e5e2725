// The account: profile, plan and channels, one record each, re-read on every refresh.
import { syncAccount } from '../sync/steps/account'
import { defineResource } from './define'

export const accountResource = defineResource({
  name: 'account',
  pattern: 'singleton',
  endpoints: ['GET /account', 'GET /account/subscription', 'GET /account/channels'],
  fullPass: syncAccount,
  fullPassStep: 0,
  actions: [],
})
