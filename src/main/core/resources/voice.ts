// Voice: the settings singleton and dialects re-read on refresh; settings changes, the
// clone (an upload) and its deletion queued; connectivity, preload and TTS online only.
import { cloneVoiceAction } from '../outbox/actions/clone-voice'
import { removeClonedVoiceAction } from '../outbox/actions/remove-cloned-voice'
import { updateVoiceSettingsAction } from '../outbox/actions/update-voice-settings'
import { syncVoice } from '../sync/steps/voice'
import { defineResource } from './define'

export const voiceResource = defineResource({
  name: 'voice',
  pattern: 'singleton',
  endpoints: [
    'GET /voice',
    'GET /voice/status',
    'GET /voice/dialects',
    'PATCH /voice/settings',
    'POST /voice/clone',
    'POST /voice/preload',
    'POST /voice/tts',
    'DELETE /voice',
  ],
  fullPass: syncVoice,
  refresh: { step: syncVoice, cadence: 'half-hourly' },
  actions: [updateVoiceSettingsAction, cloneVoiceAction, removeClonedVoiceAction],
})
