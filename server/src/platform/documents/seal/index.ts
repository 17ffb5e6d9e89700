/** 电子印章: each department's signing key and certificate, and PAdES signatures with them. */
export { departmentSeal } from './seal-keys.js';
export { signPdf, type SealSignature } from './pades.js';
export { issueSealCertificate, type SealKeyPair } from './certificate.js';
