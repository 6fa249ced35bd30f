import Phaser from "phaser";
import type { TableVM } from "../view/tableViewModel.js";
import { TableScene } from "./TableScene.js";
import { SIZE } from "./theme.js";

/** The Phaser side of the table screen: the only module that imports Phaser (its own chunk). */
export type TableGame = { readonly show: (vm: TableVM) => void; readonly destroy: () => void };

export function createTableGame(parent: HTMLElement): TableGame {
  const scene = new TableScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: SIZE.width,
    height: SIZE.height,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false, gamepad: false },
    render: { roundPixels: true, antialias: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [scene],
  });
  return {
    show: (vm) => scene.show(vm),
    destroy: () => game.destroy(true),
  };
}
