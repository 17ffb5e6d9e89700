/** Generated documents (PDF, images) with the embedded CJK font: decisions, notices, licence faces. */
export { cjkFont, wrapText, CJK_FONT_FAMILY } from './fonts.js';
export { qrModules } from './qr.js';
export { cjkPdf } from './cjk-pdf.js';
export { officialDocumentPdf, TITLE_BOX, type OfficialDocument } from './official-document.js';
export { departmentSeal, issueSealCertificate, type SealKeyPair } from './seal/index.js';
