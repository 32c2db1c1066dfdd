/**
 * What the report's script filters: every filterable element gets an id here, and its search key,
 * severities and flag kinds go into the page's JSON data block (never into markup the script reads).
 */
import type { FlagKind, Severity } from "../../schemas/index.js";

/** One filterable element. `sev`/`kinds` are absent for sections filtered by name only. */
export interface FilterItem {
  id: string;
  /** Counted in the "shown / total" line: "unit" rows and "flag" entries; "other" is not counted. */
  type: "unit" | "flag" | "other";
  /** Folded search key of the unit name (see `searchKey`). */
  q: string;
  sev?: Severity[];
  kinds?: FlagKind[];
}

/** Collects the filter items while sections render. */
export class FilterItems {
  readonly list: FilterItem[] = [];
  private counter = 0;

  /** Registers an element and returns its id (prefix + counter: ids never come from document text). */
  add(prefix: string, item: Omit<FilterItem, "id">): string {
    this.counter++;
    const id = `${prefix}-${this.counter}`;
    this.list.push({ id, ...item });
    return id;
  }
}
