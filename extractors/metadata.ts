/**
 * Document metadata (contract `kind`, `number`, `issuedOn`, `place`, `issuer`, `unit`, `title`,
 * `year`, `signer`, `recipients`), each with the evidence it was read from. The header parts live
 * in metadata-header.ts, the issuer and unit in metadata-unit.ts, the signature in
 * metadata-signer.ts and the recipients in metadata-recipients.ts; this file puts them together.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DocumentMetadata, Evidence } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { evidenceAt, trimSpan } from "./evidence.js";
import { findKindLine, findOwnNumber, findPlaceDate, headerEnd, type Span } from "./metadata-header.js";
import { hasPartyMotto, partyIssuer } from "./metadata-party.js";
import { findRecipients } from "./metadata-recipients.js";
import { findSigner } from "./metadata-signer.js";
import { linesOf } from "./metadata-text.js";
import { findSubject, findTitle, type Title } from "./metadata-title.js";
import { bodyIssuer, headerIssuer } from "./metadata-unit.js";
import { type DocumentKind, KIND_BY_OWN_CODE } from "./vocab/document-kinds.js";

/** "năm 2025" in a title, not the year of a date ("ngày 30 tháng 4 năm 2025"). Folded. */
const TITLE_YEAR = /(?<!thang\s+\d{1,2}\s+)(?<![/\d])nam\s+((?:19|20)\d{2})(?!\d)/g;
/** A span of years in a title ("giai đoạn 2026 - 2030", "năm 2023-2025"): the plan starts with the first. */
const TITLE_YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}(?!\d)/;

/** The year a title says the document is for, with its span. */
function titleYear(doc: NormalisedDocument, title: Title): { year: number; span: Span } | null {
  const folded = doc.folded.slice(title.start, title.end);
  const range = TITLE_YEAR_RANGE.exec(folded);
  if (range) {
    return {
      year: Number(range[1]),
      span: { start: title.start + range.index, end: title.start + range.index + range[0].length },
    };
  }
  let last: RegExpExecArray | null = null;
  TITLE_YEAR.lastIndex = 0;
  for (let m = TITLE_YEAR.exec(folded); m !== null; m = TITLE_YEAR.exec(folded)) last = m;
  if (!last) return null;
  return {
    year: Number(last[1]),
    span: { start: title.start + last.index, end: title.start + last.index + last[0].length },
  };
}

/**
 * Reads the metadata of one document. Every value comes from the text at its evidence span;
 * anything the document leaves blank or unreadable is null (recipients: []).
 */
export function extractMetadata(doc: NormalisedDocument): DocumentMetadata {
  const lines = linesOf(doc.text);
  const zoneEnd = headerEnd(doc, lines);
  const evidence: Record<string, Evidence> = {};
  const put = (key: string, span: Span | null | undefined) => {
    if (!span) return;
    const [start, end] = trimSpan(doc.text, span.start, span.end);
    if (end > start) evidence[key] = evidenceAt(doc, start, end);
  };

  const kindLine = findKindLine(doc, zoneEnd, lines);
  const own = findOwnNumber(doc, zoneEnd, lines);
  const placeDate = findPlaceDate(doc, zoneEnd);
  const subject = !kindLine || kindLine.kind === "CONG_VAN" ? findSubject(doc, zoneEnd, lines) : null;

  // Kind: the kind line; else a "V/v" subject or a number with no kind code makes a công văn;
  // else the code in the number ("…/KH-UBND").
  let kind: DocumentKind = "OTHER";
  if (kindLine) {
    kind = kindLine.kind;
    put("kind", kindLine);
  } else if (subject) {
    kind = "CONG_VAN";
    put("kind", { start: subject.markerStart, end: subject.start });
  } else if (own?.symbol) {
    const byCode = own.symbol.code ? KIND_BY_OWN_CODE[own.symbol.code] : "CONG_VAN";
    if (byCode) {
      kind = byCode;
      put("kind", own.symbol);
    }
  }

  const number = own?.number ?? null;
  if (own?.symbol) put("number", own.symbol);
  const issuedOn = placeDate?.issuedOn ?? null;
  if (issuedOn) put("issuedOn", placeDate?.dateSpan);
  const place = placeDate?.place ?? null;
  if (place) put("place", placeDate?.placeSpan);

  const title = kindLine ? findTitle(doc, kindLine, zoneEnd, lines) : subject;
  if (title) put("title", title);

  // The issuer heads the header: it stands before the kind line, the subject and the date (a header
  // flattened onto one line goes on into "Kính gửi: - Ủy ban nhân dân tỉnh …", which is no issuer).
  const regionEnd = Math.min(
    kindLine?.start ?? zoneEnd,
    subject?.markerStart ?? zoneEnd,
    placeDate?.dateSpan.end ?? zoneEnd,
    zoneEnd,
  );
  // A Party header ("ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ …") names a committee, not a people's committee;
  // under the Party motto the body's "UBND huyện …" mentions are other bodies, never the issuer.
  const issuerFound =
    partyIssuer(doc, regionEnd, lines) ??
    headerIssuer(doc, regionEnd) ??
    (hasPartyMotto(doc, zoneEnd) ? null : bodyIssuer(doc, place));
  if (issuerFound) {
    put("issuer", issuerFound.span);
    if (issuerFound.unit) put("unit", issuerFound.span);
  }

  let year: number | null = null;
  const fromTitle = title ? titleYear(doc, title) : null;
  if (fromTitle) {
    year = fromTitle.year;
    put("year", fromTitle.span);
  } else if (placeDate?.year) {
    year = placeDate.year;
    put("year", placeDate.dateSpan);
  }

  const signerFound = findSigner(doc, lines);
  if (signerFound) put("signer", signerFound.span);

  const { kinhGui, noiNhan } = findRecipients(doc, lines);
  const recipients = [...new Set([...(kinhGui?.items ?? []), ...(noiNhan?.items ?? [])])];
  if (kinhGui) {
    put("recipients", kinhGui.span);
    if (noiNhan) put("recipients.copies", noiNhan.span);
  } else if (noiNhan) put("recipients", noiNhan.span);

  return {
    kind,
    number,
    issuedOn,
    place,
    issuer: issuerFound?.issuer ?? null,
    unit: issuerFound?.unit ?? null,
    title: title?.value ?? null,
    year,
    signer: signerFound?.signer ?? null,
    recipients,
    evidence,
  };
}

/**
 * The metadata extractor. Evidence keys are the field names ("number", "issuedOn", "unit",
 * "signer" …); with both lists present, "recipients" holds the "Kính gửi" span and
 * "recipients.copies" the "Nơi nhận" span.
 */
export const metadataExtractor = defineExtractor<DocumentMetadata>(
  { id: "metadata", fallback: emptyMetadata },
  extractMetadata,
);

/** Metadata with every field unknown: what a document gets when nothing could be read. */
export function emptyMetadata(): DocumentMetadata {
  return {
    kind: "OTHER",
    number: null,
    issuedOn: null,
    place: null,
    issuer: null,
    unit: null,
    title: null,
    year: null,
    signer: null,
    recipients: [],
    evidence: {},
  };
}
