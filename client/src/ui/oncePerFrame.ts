/**
 * One moment at the table can reach a client as several frames (the room's synced patch beside
 * the view's change, or a burst of changes: a bot's answer, a timeout), each a separate message
 * event. Drawing after each would draw the table again and again in one frame: calls made before
 * the next paint run `draw` once, with whatever is newest by then.
 */
export function oncePerFrame(draw: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  };
}
