/**
 * Parses a Vietnamese-written number: the comma is the decimal mark ("83,50" → 83.5, "0,5" → 0.5)
 * and the dot groups thousands ("1.250" → 1250). Leading zeros are common in documents ("06 điểm").
 * OCR sometimes turns the comma into a dot: a dot followed by one or two digits ("83.50") is read
 * as a decimal, because a thousands group always has three digits. Returns null for anything else.
 */
export function parseVnNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, "");
  if (/^\d+(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (/^\d+(?:,\d+)?$/.test(s)) return Number(s.replace(",", "."));
  if (/^\d+\.\d{1,2}$/.test(s)) return Number(s);
  return null;
}

/** A regex source matching one number as {@link parseVnNumber} reads it (no capture groups). */
export const VN_NUMBER = String.raw`\d+(?:\.\d{3})*(?:[,.]\d+)?`;
