/** One OCR'd image: its text and tesseract's mean confidence scaled to 0..1. */
export interface OcrPageResult {
  text: string;
  confidence: number;
  /** Degrees the image was turned clockwise before reading it upright (0, 90, 180, 270). */
  rotation: number;
}

/** Options for reading one image. */
export interface OcrOptions {
  signal?: AbortSignal;
  /** Detect a page turned by 90/180/270° and read it upright (default true). */
  detectRotation?: boolean;
  /** Page of a multi-page image (TIFF) to read, counted from 0 (default 0). */
  page?: number;
  /**
   * Resolution the image was rendered or scanned at, when the caller knows it (a PDF page it
   * rendered). Otherwise it comes from the image's own density, or the image is taken for an A4 page.
   */
  dpi?: number;
}

/**
 * The OCR service backends use. One engine is shared by a whole batch so tesseract workers are
 * reused (a scheduler), never created per page.
 */
export interface OcrEngine {
  /** Reads an encoded image (PNG, JPEG, TIFF …). */
  recognise(image: Buffer, options?: OcrOptions): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}
