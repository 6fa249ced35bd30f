import { isDeepStrictEqual } from "node:util";
import { parseScenario, type Scenario, type ScenarioProblem } from "../../shared/engine/index.js";
import type { ScenarioEntry } from "../../shared/protocol/api.js";
import type { Logger } from "../logger.js";
import { isStoreError } from "../storage/errors.js";
import { hashSecret, newSecret, secretMatches } from "../storage/secrets.js";
import type { Json, ScenarioOrigin, Store, StoredScenario } from "../storage/store.js";

/*
 * The scenario library: every scenario a server offers, kept in the store as immutable
 * versions. The shipped ones (and the operator's SCENARIOS_DIR) are read-only entries of the
 * same library; an author's entry takes a new version on every save. A table or a workshop
 * round keeps the version it was opened with, so replay and export never see a later edit.
 */

/** A scenario with the library version it is: what a table is pinned to. */
export type PinnedScenario = { readonly scenario: Scenario; readonly version: number };

/** What rooms, replay and export need of the library. */
export type ScenarioResolver = {
  /** That version of a scenario, or its latest when `version` is left out; undefined if there is none. */
  readonly resolve: (id: string, version?: number) => Promise<PinnedScenario | undefined>;
};

/** Why the library refused a save or a read; nothing changed. */
export type LibraryRefusal =
  | { readonly kind: "invalid"; readonly problems: readonly ScenarioProblem[] }
  | { readonly kind: "taken" | "read_only" | "forbidden" | "unknown"; readonly message: string };

export type LibraryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: LibraryRefusal };

/** What a bad SCENARIOS_DIR file or a clash at start is reported as: one line each. */
export type Rejected = { readonly file: string; readonly reason: string };

const refuse = <T>(refusal: LibraryRefusal): LibraryResult<T> => ({ ok: false, refusal });
const unknown = (id: string): LibraryRefusal => ({ kind: "unknown", message: `There is no scenario "${id}".` });

const READ_ONLY: Readonly<Record<Exclude<ScenarioOrigin, "author">, string>> = {
  shipped: "Shipped scenarios are read-only — copy it in the studio.",
  operator: "This scenario comes from the server's scenario folder and is read-only here — copy it in the studio.",
};

/** Parsed versions kept in memory: far more than a server's classes play at once. */
const CACHED_VERSIONS = 500;

export class ScenarioLibrary implements ScenarioResolver {
  readonly #store: Store;
  readonly #shipped: readonly Scenario[];
  readonly #logger: Logger;
  /**
   * Versions never change once stored, so a parsed one may be kept as long as we like
   * (`id@version`). Authors can save many, so only the most recently used are kept; a live table
   * holds its own reference anyway.
   */
  readonly #versions = new Map<string, Scenario>();

  constructor(store: Store, shipped: readonly Scenario[], logger: Logger) {
    this.#store = store;
    this.#shipped = shipped;
    this.#logger = logger;
  }

  /**
   * At start, before any table is resumed: each shipped scenario becomes (or stays) a read-only
   * entry, with a new version whenever its file changed since the last start.
   */
  async keepShipped(now: number): Promise<void> {
    for (const scenario of this.#shipped) {
      const clash = await this.#keepReadOnly(scenario, "shipped", now);
      if (clash) this.#logger.error({ scenario: scenario.id }, `shipped scenario "${scenario.id}" is not offered: ${clash}`);
    }
  }

  /**
   * The operator's scenario files (SCENARIOS_DIR), already parsed: each is stored like a shipped
   * one. Returns the files refused for their id; the others are stored.
   */
  async keepOperatorFiles(files: readonly { readonly file: string; readonly scenario: Scenario }[], now: number): Promise<Rejected[]> {
    const rejected: Rejected[] = [];
    for (const { file, scenario } of files) {
      const clash = this.#shipped.some((s) => s.id === scenario.id)
        ? `its id "${scenario.id}" is the id of a scenario Parley ships`
        : await this.#keepReadOnly(scenario, "operator", now);
      if (clash) rejected.push({ file, reason: clash });
    }
    return rejected;
  }

  async resolve(id: string, version?: number): Promise<PinnedScenario | undefined> {
    // The latest version can change under us (another process may save one): its number is asked
    // each time, and its document read and parsed only when that version is not cached yet.
    const wanted = version ?? (await this.#store.latestScenarioVersion(id));
    if (wanted === null) return undefined;
    const cached = this.#cached(`${id}@${wanted}`);
    if (cached) return { scenario: cached, version: wanted };
    const stored = await this.#store.loadScenario(id, wanted);
    return stored ? this.#pinned(stored) : undefined;
  }

  /** The read-only entries, then the author's entries whose edit keys are given (latest versions). */
  async list(editKeys: readonly string[]): Promise<ScenarioEntry[]> {
    const stored = await this.#store.listScenarios(editKeys.map(hashSecret));
    const rank = (s: StoredScenario) => (s.origin === "shipped" ? this.#shipped.findIndex((x) => x.id === s.id) : this.#shipped.length);
    const entries: ScenarioEntry[] = [];
    for (const s of [...stored].sort((a, b) => rank(a) - rank(b))) {
      const pinned = this.#pinned(s);
      if (!pinned) continue;
      const { id, title, summary, currency, rounds, turnSeconds, firstMover } = pinned.scenario;
      const editable = s.origin === "author";
      entries.push({ id, title, summary, currency, rounds, turnSeconds, firstMover, version: s.version, origin: s.origin, shipped: s.origin === "shipped", editable });
    }
    return entries;
  }

  /** A new author's entry (version 1) and the edit key every later save needs; the key is never shown again. */
  async create(input: unknown, now: number): Promise<LibraryResult<{ id: string; version: number; editKey: string }>> {
    const parsed = parse(input);
    if (!parsed.ok) return parsed;
    const scenario = parsed.value;
    if (this.#shipped.some((s) => s.id === scenario.id))
      return refuse({ kind: "taken", message: `"${scenario.id}" is the id of a scenario Parley ships: give your scenario an id of its own.` });
    const editKey = newSecret();
    try {
      await this.#store.createScenario({ id: scenario.id, origin: "author", editKeyHash: hashSecret(editKey), document: asJson(scenario), createdAt: now });
    } catch (error) {
      if (isStoreError(error, "store/duplicate"))
        return refuse({ kind: "taken", message: `The scenario id "${scenario.id}" is taken: give your scenario an id of its own.` });
      throw error;
    }
    return { ok: true, value: { id: scenario.id, version: 1, editKey } };
  }

  /** The next version of an author's entry; the edit key given at creation must come with it. */
  async update(id: string, editKey: string | null, input: unknown, now: number): Promise<LibraryResult<{ id: string; version: number }>> {
    const entry = await this.#editable(id, editKey, "Saving a new version of this scenario");
    if (!entry.ok) return entry;
    const parsed = parse(input);
    if (!parsed.ok) return parsed;
    if (parsed.value.id !== id)
      return refuse({ kind: "invalid", problems: [{ path: "id", message: `must stay "${id}": a scenario's id cannot change (save it as a new scenario instead)` }] });
    const version = await this.#store.addScenarioVersion(id, asJson(parsed.value), now);
    return { ok: true, value: { id, version } };
  }

  /**
   * The whole latest document, hidden values included, for editing: an author's needs its edit
   * key; a shipped or operator one is open to anyone (its file is public anyway, and the studio
   * copies it as a starting point).
   */
  async document(id: string, editKey: string | null): Promise<LibraryResult<{ version: number; document: Json }>> {
    const stored = await this.#store.loadScenario(id);
    if (!stored) return refuse(unknown(id));
    if (stored.origin === "author" && (editKey === null || !secretMatches(editKey, stored.editKeyHash)))
      return refuse({ kind: "forbidden", message: "Reading this scenario's full document needs its edit key (Authorization: Bearer <editKey>)." });
    return { ok: true, value: { version: stored.version, document: stored.document } };
  }

  async #editable(id: string, editKey: string | null, what: string): Promise<LibraryResult<StoredScenario>> {
    const stored = await this.#store.loadScenario(id);
    if (!stored) return refuse(unknown(id));
    if (stored.origin !== "author") return refuse({ kind: "read_only", message: READ_ONLY[stored.origin] });
    if (editKey === null || !secretMatches(editKey, stored.editKeyHash))
      return refuse({ kind: "forbidden", message: `${what} needs its edit key (Authorization: Bearer <editKey>).` });
    return { ok: true, value: stored };
  }

  /** Stores a read-only entry or its next version when it changed; the reason when the id belongs to another kind of entry. */
  async #keepReadOnly(scenario: Scenario, origin: "shipped" | "operator", now: number): Promise<string | null> {
    const document = asJson(scenario);
    const latest = await this.#store.loadScenario(scenario.id);
    if (!latest) {
      try {
        await this.#store.createScenario({ id: scenario.id, origin, editKeyHash: null, document, createdAt: now });
        return null;
      } catch (error) {
        // Another process starting at the same moment stored it first: look again.
        if (!isStoreError(error, "store/duplicate")) throw error;
        return this.#keepReadOnly(scenario, origin, now);
      }
    }
    if (latest.origin !== origin) return `its id "${scenario.id}" is taken by ${latest.origin === "author" ? "a scenario an author saved" : `a ${latest.origin} scenario`}`;
    if (!isDeepStrictEqual(latest.document, document)) await this.#store.addScenarioVersion(scenario.id, document, now);
    return null;
  }

  /** A stored version as a Scenario (parsed once); a version this build can no longer read is logged and left out. */
  #pinned(stored: StoredScenario): PinnedScenario | undefined {
    const key = `${stored.id}@${stored.version}`;
    const cached = this.#cached(key);
    if (cached) return { scenario: cached, version: stored.version };
    const parsed = parseScenario(stored.document);
    if (!parsed.ok) {
      this.#logger.error({ scenario: stored.id, version: stored.version, problems: parsed.error }, "a stored scenario version does not parse");
      return undefined;
    }
    this.#versions.set(key, parsed.value);
    if (this.#versions.size > CACHED_VERSIONS) this.#versions.delete(this.#versions.keys().next().value!);
    return { scenario: parsed.value, version: stored.version };
  }

  /** A cached version, moved to the back of the eviction order (a Map iterates in insertion order). */
  #cached(key: string): Scenario | undefined {
    const scenario = this.#versions.get(key);
    if (scenario) {
      this.#versions.delete(key);
      this.#versions.set(key, scenario);
    }
    return scenario;
  }
}

/** A scenario as the store keeps it: plain JSON (what parseScenario gave back, defaults filled in). */
const asJson = (scenario: Scenario): Json => JSON.parse(JSON.stringify(scenario)) as Json;

function parse(input: unknown): LibraryResult<Scenario> {
  const parsed = parseScenario(input);
  return parsed.ok ? { ok: true, value: parsed.value } : refuse({ kind: "invalid", problems: parsed.error });
}
