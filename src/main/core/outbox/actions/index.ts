// Every kind of action, by the name stored in the queue: collected from the resources'
// descriptors (resources/registry.ts), so a new resource's actions need no entry here.
export { actionDefs } from '../../resources/registry'
