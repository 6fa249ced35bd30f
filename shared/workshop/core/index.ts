export type { WorkshopCommand, WorkshopCommandType } from "./commands.js";
export type { Effect, StoreWrite } from "./effects.js";
export { permission, type Permission, type Sender } from "./permissions.js";
export type { CoreError, CoreErrorCode, StepResult } from "./result.js";
export * from "./state.js";
export { step, type CommandOf } from "./step.js";
