import { deflateSync } from "node:zlib";

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

  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}
