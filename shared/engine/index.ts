/** The Parley rules engine: pure, deterministic, no I/O. Import from here. */
export * from "./actionCheck.js";
export * from "./actions.js";
export * from "./apply.js";
export * from "./concessionFigures.js";
export * from "./create.js";
export * from "./debrief.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./ledger.js";
export * from "./result.js";
export * from "./roles.js";
export * from "./scenario.js";
export * from "./scoring.js";
export * from "./state.js";
export * from "./terms.js";
export * from "./valuation.js";
export * from "./view.js";
export { describeFact } from "./curveballs.js";
