/**
 * A small validator of written Vietnamese syllables (onset + rhyme + tone), with no dictionary.
 *
 * A syllable is (onset)(rhyme) with at most one tone mark. The rhyme table lists the spelled
 * rhymes, medial o/u included ("oa", "uyên"); spelling rules follow Vietnamese orthography:
 * "k", "gh", "ngh" only before i/e/ê/y, "c", "ng" never there, "q" only as "qu"; a rhyme that ends
 * in a stop (c, ch, p, t) takes only the sắc or nặng tone ("cấp", "việc", never "cầp").
 */

/** Tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STOP_TONES = new Set(["\u0301", "\u0323"]);

const ONSETS = [
  "ngh",
  "ng",
  "nh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ph",
  "qu",
  "th",
  "tr",
  "b",
  "c",
  "d",
  "đ",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "x",
];

/** Spelled rhymes (no tone), grouped by nucleus; each entry lists the allowed endings ("" = open). */
const RHYME_GROUPS: Record<string, string[]> = {
  a: ["", "i", "o", "u", "y", "m", "n", "ng", "nh", "c", "ch", "p", "t"],
  ă: ["m", "n", "ng", "c", "p", "t"],
  â: ["m", "n", "ng", "c", "p", "t", "u", "y"],
  e: ["", "o", "m", "n", "ng", "c", "p", "t"],
  ê: ["", "u", "m", "n", "nh", "ch", "p", "t"],
  i: ["", "a", "u", "m", "n", "nh", "ch", "p", "t"],
  iê: ["u", "m", "n", "ng", "c", "p", "t"],
  yê: ["u", "m", "n", "ng", "t"],
  o: ["", "i", "m", "n", "ng", "c", "p", "t"],
  oo: ["ng", "c"],
  ô: ["", "i", "m", "n", "ng", "c", "p", "t"],
  ơ: ["", "i", "m", "n", "p", "t"],
  u: ["", "a", "i", "m", "n", "ng", "c", "p", "t"],
  uô: ["i", "m", "n", "ng", "c", "t"],
  ư: ["", "a", "i", "u", "m", "n", "ng", "c", "t"],
  ươ: ["i", "u", "m", "n", "ng", "c", "p", "t"],
  y: [""],
  // Medial o (hòa, khỏe, xoăn) and medial u (quân, thuế, thủy, khuya, chuyện, thuở).
  oa: ["", "i", "y", "m", "n", "ng", "nh", "c", "ch", "p", "t"],
  oă: ["m", "n", "ng", "c", "t"],
  oe: ["", "o", "n", "t"],
  uâ: ["n", "ng", "t", "y"],
  uê: ["", "nh", "ch", "n"],
  uy: ["", "a", "u", "nh", "ch", "t", "p"],
  uyê: ["n", "t"],
  uơ: [""],
};

const RHYMES = new Set(
  Object.entries(RHYME_GROUPS).flatMap(([nucleus, ends]) => ends.map((e) => nucleus + e)),
);
const FRONT_VOWEL = /^[ieêy]/;
const STOP_ENDING = /(c|ch|p|t)$/;
const LETTERS = /^[a-zđăâêôơư]+$/;

/**
 * Onset-less syllables that are words on their own. Onset-less syllables are legal in Vietnamese
 * but few are used; a syllable split before its vowel ("nguy ện", "lu ật") leaves an onset-less
 * piece that is not a word, which is how {@link isStandaloneSyllable} tells the split apart.
 */
const ONSETLESS_WORDS = new Set(
  (
    "a à á ả ạ ai ái ải ài am an án ang áng anh ánh ảnh ao áo ảo ào áp át au áy ay ày ắc ăn ăng ắp ắt " +
    "âm ầm ấm ẩm ân ẩn ấn ấp ất âu ẩu ấu ấy e è é em ém en én eo ép ét ê ế ể ếch êm i í ỉ ích im in " +
    "inh ít ỉu ia o ò ó ỏ ọ oa òa óa oai oái oan oán oằn oắt oe òe óe oi ói ỏi om on ong óng óc ót ô ồ ố " +
    "ổ ộ ôi ối ổi ồi ôm ồm ốm ôn ổn ồn ông ồng ống ốc ốp ốt ơ ờ ớ ở ợ ơi ới ơn ớn ớt u ù ú ủ ụ ui ùi ủi " +
    "um un ủn ung úng ụng úc úp út ụt uy ủy úy uyên uống uổng uốn ư ừ ứ ử ưa ứa ửa ưng ứng ừng ửng ức " +
    "ước ướt ướp ươm ườn ương ưu y ý ỷ yên yến yêu yếu yếm yết"
  ).split(" "),
);

/** Splits a syllable into its toneless lower-case letters and its tone mark ("" when level tone). */
export function splitTone(syllable: string): { base: string; tone: string } | null {
  const decomposed = syllable.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return null;
  const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  return { base, tone: tones[0] ?? "" };
}

function rhymeFits(onset: string, rhyme: string, tone: string): boolean {
  if (!RHYMES.has(rhyme)) return false;
  if (STOP_ENDING.test(rhyme) && tone !== "" && !STOP_TONES.has(tone)) return false;
  if (STOP_ENDING.test(rhyme) && tone === "") return false;
  if ((onset === "k" || onset === "gh" || onset === "ngh") && !FRONT_VOWEL.test(rhyme)) return false;
  if ((onset === "c" || onset === "ng") && FRONT_VOWEL.test(rhyme)) return false;
  if (onset === "g" && /^[eê]/.test(rhyme)) return false;
  if (onset === "qu" && /^[ouư]/.test(rhyme)) return false;
  return true;
}

/** How a syllable parses: its onset ("" when none), or null when it is not a Vietnamese syllable. */
export function parseSyllable(word: string): { onset: string; rhyme: string; tone: string } | null {
  const split = splitTone(word);
  if (!split || !LETTERS.test(split.base)) return null;
  const { base, tone } = split;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (rhymeFits(onset, rhyme, tone)) return { onset, rhyme, tone };
    // "gi" + "êng" spells onset gi + rhyme iêng ("giêng"); "gìn" is g + ìn.
    if (onset === "gi" && rhymeFits(onset, `i${rhyme}`, tone)) return { onset, rhyme: `i${rhyme}`, tone };
    // "qu" is q + medial u: "quỳnh" = q + uynh, "quốc" = q + uôc.
    if (onset === "qu" && rhymeFits("", `u${rhyme}`, tone)) return { onset, rhyme: `u${rhyme}`, tone };
  }
  if (rhymeFits("", base, tone)) return { onset: "", rhyme: base, tone };
  return null;
}

/** True when `word` is a well-formed written Vietnamese syllable (any case, old or new tone placement). */
export function isValidSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}

/**
 * True when `word` can stand as a syllable on its own in running text: well-formed, and either it
 * has an onset or it is one of the few onset-less syllables used as words ("ăn", "ở", "ý", "ương").
 */
export function isStandaloneSyllable(word: string): boolean {
  const parsed = parseSyllable(word);
  if (!parsed) return false;
  if (parsed.onset !== "") return true;
  return ONSETLESS_WORDS.has(word.toLowerCase().normalize("NFC"));
}

/** True when the word holds a vowel letter (a piece without one is an onset or a final: "ngh", "ng"). */
export function hasVowel(word: string): boolean {
  return /[aeiouy]/.test(word.toLowerCase().normalize("NFD"));
}
