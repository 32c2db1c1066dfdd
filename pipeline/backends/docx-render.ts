import { type HtmlElement, type HtmlNode, isElement, parseHtml } from "./docx-html.js";

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
  /** A whole table, as rows of cell texts already aligned to the grid. */
  table(rows: string[][]): void;
}

/** Collects pages of blocks; a block is one paragraph (soft breaks kept as "\n") or one table. */
class PageSink implements Sink {
  readonly pages: string[][] = [[]];
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
    this.push(`${this.marker}${block}`);
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
  table(rows: string[][]): void {
    this.endBlock();
    this.push(rows.map((cells) => cells.join("\t")).join("\n"));
  }
  private push(block: string): void {
    if (block !== "") this.pages[this.pages.length - 1]?.push(block);
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
  table(rows: string[][]): void {
    this.endBlock();
    for (const cell of rows.flat()) if (cell !== "") this.pieces.push(cell);
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
 * Lays a table out on its grid: a cell spanning n columns is followed by n−1 empty cells, a cell
 * spanning n rows leaves an empty cell in its column in the next n−1 rows, so every value stays
 * under its header. Rows that come out entirely empty are dropped.
 */
function renderTable(table: HtmlElement): string[][] {
  const covered: number[] = []; // per column: how many more rows a rowspan from above still covers
  const grid: string[][] = [];
  const fillCovered = (cells: string[], column: number): number => {
    let at = column;
    while ((covered[at] ?? 0) > 0) {
      cells.push("");
      covered[at] = (covered[at] ?? 1) - 1;
      at++;
    }
    return at;
  };
  for (const row of tableRows(table)) {
    const cells: string[] = [];
    let column = 0;
    for (const cell of row.children) {
      if (!isElement(cell, "td", "th")) continue;
      column = fillCovered(cells, column);
      const colspan = intAttribute(cell, "colspan", 1000);
      const rowspan = intAttribute(cell, "rowspan", 65536);
      const sink = new CellSink();
      // A cell starts its own list nesting: a list in a cell reads "- …" whatever surrounds the table.
      walk(cell.children, sink, TOP_LEVEL);
      cells.push(sink.result(), ...Array<string>(colspan - 1).fill(""));
      for (let k = 0; k < colspan; k++) covered[column + k] = rowspan - 1;
      column += colspan;
    }
    // Columns after the row's last cell that a rowspan from above still covers.
    let last = covered.length - 1;
    while (last >= column && (covered[last] ?? 0) <= 0) last--;
    for (; column <= last; column++) {
      cells.push("");
      if ((covered[column] ?? 0) > 0) covered[column] = (covered[column] ?? 1) - 1;
    }
    if (cells.some((cell) => cell !== "")) grid.push(cells);
  }
  return grid;
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

/**
 * Turns mammoth's HTML into page texts. Conventions (the normaliser relies on them):
 * - one paragraph, heading or list item per block, blocks separated by a blank line ("\n\n");
 *   a soft line break inside a paragraph is a single "\n", so paragraph boundaries stay explicit;
 * - list items start with a regenerated marker ("1.", nested "a)", deeper "-"; bullets "-", nested
 *   "+"), since mammoth's HTML drops Word's numbering. Known limit: mammoth restarts a list that
 *   other paragraphs interrupt, so such a list restarts at "1." here too;
 * - a table is one block, one row per line, cells separated by "\t", merged cells padded with
 *   empty cells; inside a cell, paragraphs, list items, line breaks and nested tables are joined
 *   with "; " (a space after punctuation);
 * - pages split at explicit page breaks only (DOCX stores no layout, so page n means "after the
 *   (n−1)th explicit page break"); a trailing page break opens no empty page; images are skipped.
 */
export function docxHtmlToPages(html: string): string[] {
  const sink = new PageSink();
  walk(parseHtml(html).children, sink, TOP_LEVEL);
  sink.endBlock();
  const pages = sink.pages.map((blocks) => blocks.join("\n\n"));
  while (pages.length > 1 && pages[pages.length - 1] === "") pages.pop();
  return pages;
}
