export { isPublicAddress, literalAddress, normaliseIPv4, type IpAddress } from './address-policy.js';
export {
  checkTarget,
  guardedPost,
  OutboundRefused,
  systemResolve,
  type OutboundPolicy,
  type Resolve,
  type RefusalReason,
} from './outbound.js';
