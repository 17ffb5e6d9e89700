import QRCode from 'qrcode';

/** The modules of a QR code (error correction M), to draw on a PDF page or into an SVG. */
export function qrModules(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, dark: (x, y) => qr.modules.get(y, x) === 1 };
}
