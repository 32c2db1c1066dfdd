import { deflateSync } from "node:zlib";
import { pdfFromObjects } from "./pdf-writer.js";

/** One image XObject of a hand-made PDF. */
export interface PdfImage {
  /** Encoded stream bytes: a JPEG (`DCTDecode`) or raw grey samples (compressed here). */
  bytes: Buffer;
  width: number;
  height: number;
  /** `jpeg`: bytes are a JPEG; `grey1`/`grey8`: raw 1-bit (rows byte-aligned, 1 = white) or 8-bit grey. */
  encoding: "jpeg" | "grey1" | "grey8";
}

/** One page of a hand-made PDF. */
export interface PdfPageSpec {
  /** MediaBox size in points. */
  width: number;
  height: number;
  /** The page's /Rotate (clockwise degrees). */
  rotate?: number;
  /** Images the content stream names /Im0, /Im1 … */
  images: PdfImage[];
  /** The page's content stream; /F1 is Helvetica. */
  content: string;
}

/**
 * Writes a small, valid PDF (one page, correct cross-reference table) around the given images
 * and content stream: scans placed or turned in ways no fixture file shows (a /Rotate scan, an
 * image drawn sideways by its matrix, text stamped over a scan) are built in the test itself.
 */
export function scanPdf(page: PdfPageSpec): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) =>
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
  const imageIds = page.images.map((_, index) => 6 + index);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  const xobjects = imageIds.map((id, index) => `/Im${index} ${id} 0 R`).join(" ");
  add(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Rotate ${page.rotate ?? 0}` +
      ` /Resources << /XObject << ${xobjects} >> /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
  );
  add(stream("", Buffer.from(page.content, "latin1")));
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (const image of page.images) {
    const bits = image.encoding === "grey1" ? 1 : 8;
    const filter = image.encoding === "jpeg" ? "/DCTDecode" : "/FlateDecode";
    const data = image.encoding === "jpeg" ? image.bytes : deflateSync(image.bytes);
    add(
      stream(
        `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height}` +
          ` /ColorSpace /DeviceGray /BitsPerComponent ${bits} /Filter ${filter}`,
        data,
      ),
    );
  }

  return pdfFromObjects(objects);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}
