/** Generated documents (PDF, images) with the embedded CJK font: decisions, licence faces. */
export { cjkFont, wrapText, CJK_FONT_FAMILY } from './fonts.js';
export { qrModules } from './qr.js';
export { officialDocumentPdf, type OfficialDocument } from './official-document.js';
