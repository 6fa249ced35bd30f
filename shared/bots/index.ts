/** Parley's bots: pure strategies that see only their own seat's view. Import from here. */
export * from "./profiles.js";
export { botMove } from "./move.js";
