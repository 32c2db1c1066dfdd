import { ROLE_ALIASES, ROLE_LEADING_NOISE, ROLE_TRAILING_LOCALITY } from "./role-aliases.js";
import { wordKey } from "./text-keys.js";

/**
 * The comparable words of a role name: folded, abbreviations expanded, leading kind words
 * ("Công chức", "Các", "Ngành", "Giao") and a trailing locality ("thị trấn", "UBND phường") dropped.
 * "Công chức Văn Phòng – Thống kê", "văn phòng - thống kê" and "VP-TK" give the same words.
 */
export function roleWords(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const words = computeRoleWords(name);
  if (cache.size > 10_000) cache.clear();
  cache.set(name, words);
  return words;
}

const cache = new Map<string, string>();
const plainCache = new Map<string, string>();

/** {@link wordKey} of a role name, cached (the same few names are compared many times). */
function plainWords(name: string): string {
  let k = plainCache.get(name);
  if (k === undefined) {
    if (plainCache.size > 10_000) plainCache.clear();
    k = wordKey(name);
    plainCache.set(name, k);
  }
  return k;
}

function computeRoleWords(name: string): string {
  let k = ` ${wordKey(name)} `;
  for (const [from, to] of ROLE_ALIASES) {
    k = k.split(` ${from} `).join(` ${to} `);
  }
  k = k.trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const lead of ROLE_LEADING_NOISE) {
      if (k.startsWith(`${lead} `)) {
        k = k.slice(lead.length + 1);
        changed = true;
      }
    }
  }
  const stripped = k.replace(ROLE_TRAILING_LOCALITY, "");
  return stripped.length > 0 ? stripped : k;
}

/**
 * Whether the output role `found` names the gold role `expected`: equal words, or the gold words
 * followed by more words ("Công chức Văn phòng – Thống kê (phụ trách dân vận)" names
 * "Công chức Văn phòng – Thống kê"). The reverse (a shorter output name) does not count: "Văn phòng"
 * alone is not "Văn phòng – Thống kê".
 */
export function roleNames(expected: string, found: string): boolean {
  const e = roleWords(expected);
  const f = roleWords(found);
  if (e.length === 0 || f.length === 0) return false;
  return f === e || f.startsWith(`${e} `);
}

/**
 * Whether the role `name` is among `roles`: named by one of them ({@link roleNames}), or its words
 * occur whole inside the joined list. The second rule forgives a different split of one written
 * list ("Các Sở, ngành, đơn vị, UBND cấp xã" as one role or as two).
 */
export function roleAmong(
  name: string,
  roles: readonly string[],
  direction: "gold-in-output" | "output-in-gold",
) {
  const words = roleWords(name);
  if (words.length === 0) return false;
  for (const r of roles) {
    if (direction === "gold-in-output" ? roleNames(name, r) : roleNames(r, name)) return true;
  }
  const joined = ` ${roles.map((r) => ` ${roleWords(r)} ${plainWords(r)} `).join(" | ")} `;
  return joined.includes(` ${words} `);
}
