/** Generated documents (PDF, images) with the embedded CJK font: decisions, notices, licence faces. */
export { cjkFont, CJK_FONT_FAMILY } from './fonts.js';
export { wrapText } from './line-break.js';
export { qrModules } from './qr.js';
export { cjkPdf } from './cjk-pdf.js';
export { officialDocumentPdf, TITLE_BOX, type OfficialDocument } from './official-document.js';
export { departmentSeal, issueSealCertificate, type SealKeyPair } from './seal/index.js';
