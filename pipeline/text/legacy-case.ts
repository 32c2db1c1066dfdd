/**
 * TCVN3 has no toned capital letters: a heading is typed in its capitals font (.VnTimeH) with the
 * codes of the small letters, so "CỘNG HÒA" converts to "CộNG HòA" and "ỦY BAN" to "ủY BAN". The
 * unaccented letters of such a word keep their capitals, and they tell the case of the rest: a
 * word whose ASCII letters (two or more) are all capitals is a word in capitals ("HOạCH" is never
 * written), and so is every word of a line whose ASCII letters (three or more) are all capitals.
 * A word with one ASCII capital ("Kế", "Ủy" read "ủy") stays as converted: title case or a capital
 * toned first letter cannot be told apart. Length-preserving (Vietnamese capitals are one code
 * unit like their small letters), so offsets hold.
 */
export function restoreCapitals(text: string): string {
  return text.replace(/[^\n]+/gu, (line) => {
    const ascii = line.match(/[A-Za-z]/gu) ?? [];
    if (ascii.length >= 3 && ascii.every((c) => c >= "A" && c <= "Z")) return upper(line);
    return line.replace(/[\p{L}\p{M}]+/gu, (word) => {
      const letters = word.match(/[A-Za-z]/gu) ?? [];
      return letters.length >= 2 && letters.every((c) => c >= "A" && c <= "Z") ? upper(word) : word;
    });
  });
}

function upper(text: string): string {
  const up = text.toUpperCase();
  return up.length === text.length ? up : text;
}
