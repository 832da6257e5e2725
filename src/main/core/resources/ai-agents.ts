// AI agent personas, re-read whole; the default one; bulk assignment to contacts.
import { assignAiAgentAction } from '../outbox/actions/assign-ai-agent'
import { createAiAgentAction } from '../outbox/actions/create-ai-agent'
import { deleteAiAgentAction } from '../outbox/actions/delete-ai-agent'
import { setDefaultAiAgentAction } from '../outbox/actions/set-default-ai-agent'
import { updateAiAgentAction } from '../outbox/actions/update-ai-agent'
import { syncAiAgents } from '../sync/steps/ai-agents'
import { defineResource } from './define'

export const aiAgentsResource = defineResource({
  name: 'ai-agents',
  pattern: 'whole',
  endpoints: [
    'GET /ai-agents',
    'POST /ai-agents',
    'GET /ai-agents/{id}',
    'PUT /ai-agents/{id}',
    'DELETE /ai-agents/{id}',
    'POST /ai-agents/{id}/set-default',
    'POST /ai-agents/{id}/assign',
  ],
  fullPass: syncAiAgents,
  refresh: { step: syncAiAgents, cadence: 'half-hourly' },
  actions: [createAiAgentAction, updateAiAgentAction, deleteAiAgentAction, setDefaultAiAgentAction, assignAiAgentAction],
})
