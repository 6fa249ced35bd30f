import { parseArgs, type ParseArgsConfig } from "node:util";

/*
 * The command-line parsing every Parley script shares: strict flags, no positionals, and errors
 * as one sentence a person can act on (the scripts print it and exit with code 2).
 */

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>["values"];

export type Flags<O extends Options> = { readonly ok: true; readonly values: Values<O> } | { readonly ok: false; readonly error: string };

/** Parse `argv` against `options`; an unknown or malformed flag comes back as node's first line of explanation. */
export function readFlags<const O extends Options>(argv: readonly string[], options: O): Flags<O> {
  try {
    return { ok: true, values: parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values };
  } catch (e) {
    return { ok: false, error: (e as Error).message.split("\n")[0] ?? "bad command-line flags" };
  }
}

/** A whole-number flag within [min, max] (its fallback when absent), or the sentence saying what is wrong with it. */
export function wholeNumberFlag(flag: string, text: string | undefined, range: { readonly min: number; readonly max: number; readonly fallback?: number }): number | string {
  if (text === undefined && range.fallback !== undefined) return range.fallback;
  const n = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && n <= range.max) return n;
  const got = text === undefined ? "" : ` (got "${text}")`;
  return `--${flag} must be a whole number from ${range.min.toLocaleString("en-US")} to ${range.max.toLocaleString("en-US")}${got}`;
}

/** A run's seed (default "parley"), or the sentence saying what is wrong with it. */
export function seedFlag(text: string | undefined): { readonly seed: string } | string {
  const seed = text ?? "parley";
  return seed.length === 0 || seed.length > 200 ? "--seed must be 1 to 200 characters" : { seed };
}
