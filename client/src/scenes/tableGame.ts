import Phaser from "phaser";
import type { TableVM } from "../view/tableViewModel.js";
import { shapeFor } from "./layout.js";
import { TableScene } from "./TableScene.js";
import { SIZE } from "./theme.js";

/** The Phaser side of the table screen: the only module that imports Phaser (its own chunk). */
export type TableGame = { readonly show: (vm: TableVM) => void; readonly destroy: () => void };

/** Between updates only the turn clock moves: two frames a second are enough for it. */
const CLOCK_FRAME_MS = 500;

/**
 * `resized(w, h)` hears the drawing's size whenever it changes, so the page can give the stage
 * that shape (a phone's table is as tall as what it shows; the page scrolls it).
 */
export function createTableGame(parent: HTMLElement, resized: (width: number, height: number) => void): TableGame {
  // Rendering on demand keeps an idle table from costing a CPU core on machines that render
  // WebGL in software (no GPU, remote desktops, headless CI): the loop sleeps between requests.
  let awakeUntil = 0;
  const animate = (ms: number) => {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    if (game.isBooted) game.loop.wake(true);
  };
  const scene = new TableScene(animate, resized);
  const first = shapeFor(parent.clientWidth || SIZE.width, window.devicePixelRatio, parent.clientHeight);
  scene.reshape(first);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: first.kind === "narrow" ? first.width : SIZE.width,
    height: SIZE.height,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false, gamepad: false },
    render: { roundPixels: true, antialias: true, antialiasGL: false },
    fps: { target: 30, limit: 30 },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [scene],
  });
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (performance.now() > awakeUntil) game.loop.sleep();
  });
  const clock = window.setInterval(() => animate(0), CLOCK_FRAME_MS);
  // A turned phone or a resized window may cross from one drawing to the other. A hidden stage
  // (another tab on a phone) measures 0 wide and keeps the drawing it has. The canvas is fitted to
  // the stage here: Phaser's own check for a resized parent counts loop time, and this loop sleeps.
  const watch = new ResizeObserver(() => {
    if (parent.clientWidth === 0) return;
    scene.reshape(shapeFor(parent.clientWidth, window.devicePixelRatio, parent.clientHeight));
    if (game.isBooted) {
      game.scale.getParentBounds();
      game.scale.refresh();
    }
    animate(0);
  });
  watch.observe(parent);
  return {
    show: (vm) => scene.show(vm),
    destroy: () => {
      watch.disconnect();
      window.clearInterval(clock);
      game.destroy(true);
    },
  };
}
