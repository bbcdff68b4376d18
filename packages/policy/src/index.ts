export { evaluate } from './evaluate.js';
export type { AuthorizationRequest, Decision, DecisionBundle } from './evaluate.js';
