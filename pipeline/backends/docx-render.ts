import type { Table } from "../../schemas/table.js";
import { cellLine, writeTable } from "../tables/text.js";
import { type HtmlElement, type HtmlNode, isElement, parseHtml } from "./docx-html.js";
import { type DocxCellInput, type DocxGrid, docxTable } from "./docx-table.js";

/** The class the DOCX backend's style map gives the `<hr>` mammoth writes for an explicit page break. */
export const PAGE_BREAK_CLASS = "kehoach-page-break";

/** Where text goes while the walker visits the tree: the page being written, or one table cell. */
interface Sink {
  text(text: string): void;
  /** A soft line break (`<br>`, Shift+Enter in Word). */
  lineBreak(): void;
  /** The end of a paragraph, heading or list item. */
  endBlock(): void;
  /** Starts a list item: its marker prefixes the item's first non-empty block. */
  startItem(marker: string): void;
  pageBreak(): void;
  /** A whole table, laid out on its grid (null when it holds no text). */
  table(grid: DocxGrid | null): void;
}

/** A block of a page: one paragraph (soft breaks kept as "\n"), or one table with its model. */
interface Block {
  text: string;
  table?: Table;
}

/** Collects pages of blocks. */
class PageSink implements Sink {
  readonly pages: Block[][] = [[]];
  private current = "";
  private marker = "";
  text(text: string): void {
    this.current += text;
  }
  lineBreak(): void {
    this.current += "\n";
  }
  endBlock(): void {
    const block = this.current.trim();
    this.current = "";
    if (block === "") return;
    this.push({ text: `${this.marker}${block}` });
    this.marker = "";
  }
  startItem(marker: string): void {
    this.endBlock();
    this.marker = `${marker} `;
  }
  pageBreak(): void {
    this.endBlock();
    this.pages.push([]);
  }
  table(grid: DocxGrid | null): void {
    this.endBlock();
    if (grid === null) return;
    // Spans count from the block's start here; pageOf moves them to where the block lands.
    const { text, table } = writeTable({ ...grid, page: this.pages.length });
    this.push({ text, table });
  }
  private push(block: Block): void {
    if (block.text !== "") this.pages[this.pages.length - 1]?.push(block);
  }
}

/**
 * Collects one cell's text as pieces (its paragraphs, list items, soft-broken lines, nested table
 * cells) to join on one line: a row must stay one line and a cell must never hold a tab.
 */
class CellSink implements Sink {
  private readonly pieces: string[] = [];
  private current = "";
  private marker = "";
  text(text: string): void {
    this.current += text.replace(/[\t\n\r\f\v]+/g, " ");
  }
  lineBreak(): void {
    this.endBlock();
  }
  endBlock(): void {
    const piece = this.current.trim();
    this.current = "";
    if (piece === "") return;
    this.pieces.push(`${this.marker}${piece}`);
    this.marker = "";
  }
  startItem(marker: string): void {
    this.endBlock();
    this.marker = `${marker} `;
  }
  /** A page break cannot split a table row: it is dropped. */
  pageBreak(): void {}
  /** A nested table: its cells' texts, row by row, as pieces of this cell (no model of its own). */
  table(grid: DocxGrid | null): void {
    this.endBlock();
    for (const cell of grid?.cells ?? []) if (cell.text !== "") this.pieces.push(cell.text);
  }
  /** Pieces joined by "; ", or by a space after a piece that already ends with punctuation. */
  result(): string {
    this.endBlock();
    let joined = "";
    for (const piece of this.pieces) {
      if (joined === "") joined = piece;
      else joined += /[;:,.!?]$/.test(joined) ? ` ${piece}` : `; ${piece}`;
    }
    return joined;
  }
}

/** Nesting of the lists around the current item, to choose its marker. */
interface ListDepth {
  ordered: number;
  bullet: number;
}

const TOP_LEVEL: ListDepth = { ordered: 0, bullet: 0 };

/** Word's lower-letter numbering: a … z, then aa, bb … */
function letter(n: number): string {
  const char = String.fromCharCode(97 + ((n - 1) % 26));
  return char.repeat(Math.floor((n - 1) / 26) + 1);
}

/**
 * The marker a reader of a Vietnamese document expects for item `n` of a list: "1." at the top
 * level, "a)" one level down, "-" below; bullets "-", nested bullets "+".
 */
function listMarker(ordered: boolean, n: number, depth: ListDepth): string {
  if (!ordered) return depth.bullet === 0 ? "-" : "+";
  if (depth.ordered === 0) return `${n}.`;
  return depth.ordered === 1 ? `${letter(n)})` : "-";
}

const intAttribute = (element: HtmlElement, name: string, max: number): number => {
  const value = Number.parseInt(element.attrs[name] ?? "", 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
};

/** The rows of a table, looking through thead/tbody/tfoot but not into nested tables. */
function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (isElement(child, "tr")) rows.push(child);
    else if (isElement(child, "thead", "tbody", "tfoot")) rows.push(...tableRows(child));
  }
  return rows;
}

/**
 * The table model of a `<table>`: each cell's content is walked into one line ({@link CellSink},
 * then {@link cellLine}), and the cells are laid out on the grid by {@link docxTable}. A table
 * nested in a cell is walked into that cell's text and gets no model of its own.
 */
function renderTable(table: HtmlElement): DocxGrid | null {
  const rows = tableRows(table).map((row) => {
    const cells: DocxCellInput[] = [];
    for (const cell of row.children) {
      if (!isElement(cell, "td", "th")) continue;
      const sink = new CellSink();
      // A cell starts its own list nesting: a list in a cell reads "- …" whatever surrounds the table.
      walk(cell.children, sink, TOP_LEVEL);
      cells.push({
        text: cellLine(sink.result()),
        colSpan: intAttribute(cell, "colspan", 1000),
        rowSpan: intAttribute(cell, "rowspan", 65536),
      });
    }
    return cells;
  });
  return docxTable(rows);
}

function walkList(list: HtmlElement, sink: Sink, depth: ListDepth): void {
  const ordered = list.tag === "ol";
  const inner: ListDepth = ordered
    ? { ordered: depth.ordered + 1, bullet: depth.bullet }
    : { ordered: depth.ordered, bullet: depth.bullet + 1 };
  let n = 0;
  for (const item of list.children) {
    if (!isElement(item, "li")) continue;
    n++;
    sink.startItem(listMarker(ordered, n, depth));
    walk(item.children, sink, inner);
    sink.endBlock();
  }
}

/** Footnote/endnote back-links ("↑") mammoth appends: navigation, not text. */
const isBackLink = (element: HtmlElement): boolean =>
  /^#(footnote|endnote|comment)-ref-/.test(element.attrs.href ?? "");

function walk(nodes: HtmlNode[], sink: Sink, depth: ListDepth): void {
  for (const node of nodes) {
    if (!isElement(node)) {
      sink.text(node.text);
      continue;
    }
    switch (node.tag) {
      case "br":
        sink.lineBreak();
        break;
      case "hr":
        if ((node.attrs.class ?? "").split(/\s+/).includes(PAGE_BREAK_CLASS)) sink.pageBreak();
        else sink.endBlock();
        break;
      case "img":
        break;
      case "ol":
      case "ul":
        walkList(node, sink, depth);
        break;
      case "table":
        sink.table(renderTable(node));
        break;
      case "a":
        if (!isBackLink(node)) walk(node.children, sink, depth);
        break;
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
      case "li":
      case "div":
      case "blockquote":
        sink.endBlock();
        walk(node.children, sink, depth);
        sink.endBlock();
        break;
      default:
        walk(node.children, sink, depth);
    }
  }
}

/** One page of a Word document: its text and the tables written into it. */
export interface DocxPage {
  text: string;
  /** Each table's cell spans (and its own span) point into `text`; nested tables have no model. */
  tables: Table[];
}

/** A table whose spans are moved `by` characters further (block → page text). */
function shiftTable(table: Table, by: number): Table {
  const move = (span: { start: number; end: number }) => ({ start: span.start + by, end: span.end + by });
  return {
    ...table,
    cells: table.cells.map((cell) => (cell.span ? { ...cell, span: move(cell.span) } : cell)),
    ...(table.span ? { span: move(table.span) } : {}),
  };
}

/** Joins a page's blocks with a blank line, moving each table's spans to where its block lands. */
function pageOf(blocks: readonly Block[]): DocxPage {
  const tables: Table[] = [];
  let text = "";
  for (const block of blocks) {
    if (text !== "") text += "\n\n";
    if (block.table) tables.push(shiftTable(block.table, text.length));
    text += block.text;
  }
  return { text, tables };
}

/**
 * Turns mammoth's HTML into pages of text with their tables. Conventions (the normaliser relies on them):
 * - one paragraph, heading or list item per block, blocks separated by a blank line ("\n\n");
 *   a soft line break inside a paragraph is a single "\n", so paragraph boundaries stay explicit;
 * - Word's own list labels ("1.1.", "a)", "I.", "Điều 2.") are already in the paragraphs' text
 *   (docx-numbering*.ts, through mammoth's transformDocument); only when they cannot be paired with
 *   mammoth's list paragraphs do `<ol>/<ul>` items reach here, and then start with a regenerated
 *   marker ("1.", nested "a)", deeper "-"; bullets "-", nested "+");
 * - a table is one block written by {@link writeTable}: one row per line, cells separated by "\t",
 *   a merged cell's text at its top-left position and the positions it covers left empty, rows
 *   without text left out; inside a cell, paragraphs, list items, line breaks and nested tables
 *   are joined with "; " (a space after punctuation), then spaces collapse to one ({@link cellLine});
 * - each table also comes as a {@link Table} (source "docx", merges from mammoth's colspan, i.e.
 *   Word's gridSpan, and rowspan, i.e. Word's vMerge) whose cell spans point into the page text;
 *   a table nested in a cell has no model: its cells' texts are part of the outer cell's text;
 * - pages split at explicit page breaks only (DOCX stores no layout, so page n means "after the
 *   (n−1)th explicit page break"); a trailing page break opens no empty page; images are skipped.
 */
export function docxHtmlToPageTexts(html: string): DocxPage[] {
  const sink = new PageSink();
  walk(parseHtml(html).children, sink, TOP_LEVEL);
  sink.endBlock();
  const pages = sink.pages.map(pageOf);
  while (pages.length > 1 && pages[pages.length - 1]?.text === "") pages.pop();
  return pages;
}

/** The page texts alone of {@link docxHtmlToPageTexts}. */
export function docxHtmlToPages(html: string): string[] {
  return docxHtmlToPageTexts(html).map((page) => page.text);
}
