import Phaser from "phaser";
import type { TableVM } from "../view/tableViewModel.js";
import { TableScene } from "./TableScene.js";
import { SIZE } from "./theme.js";

/** The Phaser side of the table screen: the only module that imports Phaser (its own chunk). */
export type TableGame = { readonly show: (vm: TableVM) => void; readonly destroy: () => void };

/** Between updates only the turn clock moves: two frames a second are enough for it. */
const CLOCK_FRAME_MS = 500;

export function createTableGame(parent: HTMLElement): TableGame {
  // Rendering on demand keeps an idle table from costing a CPU core on machines that render
  // WebGL in software (no GPU, remote desktops, headless CI): the loop sleeps between requests.
  let awakeUntil = 0;
  const animate = (ms: number) => {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    if (game.isBooted) game.loop.wake(true);
  };
  const scene = new TableScene(animate);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: SIZE.width,
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
  return {
    show: (vm) => scene.show(vm),
    destroy: () => {
      window.clearInterval(clock);
      game.destroy(true);
    },
  };
}
