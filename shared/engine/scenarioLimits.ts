/*
 * How big a scenario file may be. A file comes from a trainer's editor or an upload: each bound
 * is well above what a playable case needs and low enough that a table built from the file stays
 * quick to play, analyse and send (docs/scenario-format.md lists them).
 */
export const SCENARIO_LIMITS = {
  /** A scenario file as text, in bytes: the studio's upload, the API's body, an operator's file (a shipped case is about 12 KiB). */
  documentBytes: 256 * 1024,
  /** Levels of nesting: a real case goes six down (deck.cards[0].effect.value.byOption); anything far deeper is refused before any recursive check walks it. */
  depth: 16,
  issues: 12,
  optionsPerIssue: 20,
  /** Values one numeric issue may take, listed or stepped. */
  valuesPerIssue: 50,
  /** Packages of non-price terms (the product of every issue's number of values): the analysis visits each. */
  termCombinations: 20_000,
  cards: 60,
  questions: 60,
  /** Per side, for each list: hot buttons, strengths, weaknesses. */
  perList: 12,
  /** Labels, titles, units. */
  label: 80,
  /** Texts, answers, card texts, summaries. */
  text: 2_000,
  /** The story and each side's brief. */
  story: 6_000,
  /** Problems listed for one file: the rest are counted in one last line. */
  problems: 50,
} as const;
