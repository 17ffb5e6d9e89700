export {
  appendAudit,
  verifyAuditChain,
  listAudit,
  auditEntry,
  GENESIS_HASH,
  type AuditEntry,
  type AuditRecord,
  type AuditActor,
  type AuditFilter,
  type AuditVerification,
  type AuditProblem,
} from './audit-chain.js';
