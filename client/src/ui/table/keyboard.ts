/** Single-key shortcuts for the table, active whenever the player is not typing. */
export type Shortcuts = {
  readonly offer?: () => void;
  readonly ask?: () => void;
  readonly accept?: () => void;
  readonly walkAway?: () => void;
  readonly note?: () => void;
  readonly talk: () => void;
};

export const SHORTCUT_HELP: readonly (readonly [key: string, label: string, action: keyof Shortcuts])[] = [
  ["O", "offer", "offer"],
  ["Q", "question", "ask"],
  ["A", "accept", "accept"],
  ["W", "walk away", "walkAway"],
  ["N", "notepad", "note"],
  ["T", "table talk", "talk"],
];

/**
 * Listens on the whole document (after a click on the canvas, focus is on the body). The
 * shortcuts are asked for on each key, since which moves exist changes as the game goes on.
 */
export function bindShortcuts(current: () => Shortcuts): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const el = event.target as HTMLElement | null;
    if (el && (el.closest("input, textarea, select, [contenteditable]") || el.closest("dialog[open]"))) return;
    const entry = SHORTCUT_HELP.find(([key]) => key.toLowerCase() === event.key.toLowerCase());
    const action = entry ? current()[entry[2]] : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
