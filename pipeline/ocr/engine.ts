import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import Tesseract from "tesseract.js";
import { findPageOutline, flattenPage } from "./dewarp.js";
import { toneLexicon } from "./lexicon/tone-lexicon.js";
import { evenLight } from "./light.js";
import { locateModel, type ModelLocation } from "./models.js";
import { type OrientationGuess, orientationFromDetect, readUpright } from "./orientation.js";
import { readPage } from "./page-reader.js";
import { type GreyPage, preparePage, rotatePage, toPgm, toPng } from "./preprocess.js";
import { linesOfBlocks, type Recognise, type RecogniseMode, type Recognition } from "./recognition.js";
import { correctLineWords, correctTones } from "./tone-correction.js";
import type { OcrEngine, OcrOptions, OcrPageResult } from "./types.js";
import { OcrAbortedError, WorkerPool } from "./worker-pool.js";

/** Settings of an OCR engine; every field has a default measured on 2-core machines. */
export interface OcrEngineOptions {
  /** Recognition workers (each a wasm tesseract in a worker thread). Default: cores, at most 2. */
  workers?: number;
  /** Pages a worker reads before it is replaced, to give back the memory tesseract keeps. */
  pagesPerWorker?: number;
  /** Resolution pages are scaled to before reading. */
  targetDpi?: number;
  /** Largest image (in pixels) decoded; larger ones are refused as decompression bombs. */
  maxPixels?: number;
  /** How long starting a worker may take before it is given up. */
  workerStartTimeoutMs?: number;
  /** Flatten photos of a page lying on a desk (perspective, uneven light) before reading them. */
  flattenPhotos?: boolean;
  /**
   * Correct sắc/hỏi tone marks tesseract confused, with the Vietnamese word lexicon
   * (pipeline/ocr/tone-correction.ts). Off only to measure what it does.
   */
  toneLexicon?: boolean;
}

/** The engine's settings with defaults filled in. */
export const DEFAULT_OCR_OPTIONS: Required<OcrEngineOptions> = {
  workers: Math.max(1, Math.min(2, availableParallelism())),
  pagesPerWorker: 40,
  targetDpi: 200,
  maxPixels: 150_000_000,
  workerStartTimeoutMs: 30_000,
  flattenPhotos: true,
  toneLexicon: true,
};

/** Tesseract's page segmentation mode for each kind of image. */
const PAGE_SEGMENTATION: Record<RecogniseMode, string> = {
  page: Tesseract.PSM.AUTO,
  block: Tesseract.PSM.SINGLE_BLOCK,
  line: Tesseract.PSM.SINGLE_LINE,
  word: Tesseract.PSM.SINGLE_WORD,
};

/** Listeners a caller's abort signal may carry before Node warns of a leak (cells of several pages). */
const MAX_SIGNAL_LISTENERS = 100;

/** What reading one table cell costs a worker, in pages (for recycling workers). */
const CELL_COST = 0.02;

/**
 * Creates the OCR engine a batch shares: Vietnamese tesseract (LSTM, `4.0.0_best_int` model from
 * node_modules), with orientation detection by tesseract's OSD model. Workers start on first use,
 * so creating an engine that is never used costs nothing. Nothing is downloaded or written to
 * disk: models are read from node_modules and `cacheMethod: "none"` keeps tesseract.js from
 * caching a copy in the working directory.
 */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  const settings = { ...DEFAULT_OCR_OPTIONS, ...options };
  const recognisers = new WorkerPool<Tesseract.Worker>({
    size: settings.workers,
    jobsPerWorker: settings.pagesPerWorker,
    create: () => startWorker(locateModel("vie"), settings.workerStartTimeoutMs, false),
    destroy: async (worker) => void (await worker.terminate()),
  });
  // One OSD worker is enough: detection takes a fifth of the time of reading a page.
  const detectors = new WorkerPool<Tesseract.Worker>({
    size: 1,
    jobsPerWorker: settings.pagesPerWorker * 4,
    create: () => startWorker(locateModel("osd"), settings.workerStartTimeoutMs, true),
    destroy: async (worker) => void (await worker.terminate()),
  });

  // Tesseract parameters ride along with tesseract.js's own options (the type does not list them).
  const recogniseOn =
    (signal?: AbortSignal): Recognise =>
    async (image, request) => {
      const options = {
        tessedit_pageseg_mode: PAGE_SEGMENTATION[request.mode],
        user_defined_dpi: String(image.dpi),
        ...(request.whitelist ? { tessedit_char_whitelist: request.whitelist } : {}),
        // rotateAuto deskews: at a 2.5° tilt, PSM 3 without it dropped most of a page's text.
        ...(request.deskew ? { rotateAuto: true } : {}),
      } as Partial<Tesseract.RecognizeOptions>;
      const output = { text: true, blocks: request.withLines === true };
      // A cell costs a worker a small fraction of a page: recycling counts pages, not cells.
      const cost = request.mode === "page" ? 1 : CELL_COST;
      const { data } = await recognisers.run(
        (worker) => worker.recognize(toPgm(image), options, output),
        signal,
        cost,
      );
      const recognition: Recognition = {
        text: data.text ?? "",
        confidence: clampConfidence(data.confidence),
        lines: request.withLines ? linesOfBlocks(data.blocks) : [],
      };
      return settings.toneLexicon && !request.whitelist ? withTonesCorrected(recognition) : recognition;
    };

  const read = async (page: GreyPage, ocrOptions: OcrOptions) => {
    const reading = await readPage(page, recogniseOn(ocrOptions.signal), {
      tables: ocrOptions.tables ?? true,
      pageNumber: ocrOptions.pageNumber ?? 1,
      layout: ocrOptions.layout ?? true,
    });
    return reading.tables.length > 0 ? reading : { text: reading.text, confidence: reading.confidence };
  };

  const detect = async (page: GreyPage, signal?: AbortSignal): Promise<OrientationGuess> => {
    try {
      const image = await toPng(page);
      const { data } = await detectors.run((worker) => worker.detect(image), signal);
      return orientationFromDetect(data);
    } catch (error) {
      // A page OSD cannot judge (too little text) is read as it is.
      if (error instanceof OcrAbortedError) throw error;
      return { rotation: 0, confidence: 0 };
    }
  };

  return {
    async recognise(image: Buffer, ocrOptions: OcrOptions = {}): Promise<OcrPageResult> {
      const { signal } = ocrOptions;
      if (signal?.aborted) throw new OcrAbortedError();
      // Every cell waiting for a worker listens to the signal: a table page adds a few dozen.
      if (signal) setMaxListeners(MAX_SIGNAL_LISTENERS, signal);
      const prepared = await preparePage(image, {
        page: ocrOptions.page,
        dpi: ocrOptions.dpi,
        targetDpi: settings.targetDpi,
        maxPixels: settings.maxPixels,
      });
      // A photo of a page lying on a desk is flattened first: perspective bends its lines and rules.
      const outline = settings.flattenPhotos ? findPageOutline(prepared) : null;
      const page = outline ? evenLight(flattenPage(prepared, outline, settings.targetDpi)) : prepared;
      if (ocrOptions.detectRotation === false) return { ...(await read(page, ocrOptions)), rotation: 0 };
      return readUpright<OcrPageResult>({
        landscape: page.width > page.height,
        read: async (rotation) => ({
          ...(await read(await rotatePage(page, rotation), ocrOptions)),
          rotation,
        }),
        detect: () => detect(page, signal),
      });
    },

    async terminate(): Promise<void> {
      await Promise.all([recognisers.terminate(), detectors.terminate()]);
    },
  };
}

/** Tesseract's mean word confidence is 0..100 (0 for a page with no words); ours is 0..1. */
function clampConfidence(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / 100));
}

/**
 * Starts one tesseract worker on a local model, within a time limit. `osd` workers need the
 * legacy engine (orientation detection exists only there); recognition uses the LSTM engine with
 * fully automatic page segmentation (PSM 3), right for whole pages, where tesseract's API default
 * (PSM 6, one uniform block) turned a near-empty page into garbage.
 */
async function startWorker(
  model: ModelLocation,
  timeoutMs: number,
  legacy: boolean,
): Promise<Tesseract.Worker> {
  const started = Tesseract.createWorker(
    model.code,
    legacy ? Tesseract.OEM.TESSERACT_ONLY : Tesseract.OEM.LSTM_ONLY,
    {
      langPath: model.langPath,
      gzip: true,
      cacheMethod: "none",
      legacyCore: legacy,
      legacyLang: legacy,
      logger: () => {},
      // Without a handler a failed job throws inside the worker's message callback and kills the
      // process; with it, the job's own promise still rejects and the caller handles that.
      errorHandler: () => {},
    },
  );
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new Error(`OCR worker (${model.code}) did not start within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  // A worker that starts after all is stopped rather than left running unseen.
  started.then((worker) => (gaveUp ? worker.terminate() : undefined)).catch(() => undefined);
  try {
    const worker = await Promise.race([started, timeout]);
    if (!legacy) await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO });
    return worker;
  } finally {
    clearTimeout(timer);
  }
}

/** A recognition with tesseract's sắc/hỏi confusions corrected in its text and in its lines' words. */
function withTonesCorrected(recognition: Recognition): Recognition {
  const lexicon = toneLexicon();
  const words = correctLineWords(
    recognition.lines.map((line) => line.words.map((w) => w.text)),
    lexicon,
  );
  return {
    ...recognition,
    text: correctTones(recognition.text, lexicon).text,
    lines: recognition.lines.map((line, i) => ({
      ...line,
      words: line.words.map((w, k) => ({ ...w, text: words[i]?.[k] ?? w.text })),
    })),
  };
}
