/**
 * identity (用户通): staff accounts and API tokens for now. Persons, enterprises, sign-in, OIDC
 * and data scopes arrive with the unified-identity issue.
 */
export { STAFF_ROLES, createStaff, issueApiToken, identityAuthResolver, findStaffByUsername, type StaffRole, type NewStaff } from './identity.service.js';
