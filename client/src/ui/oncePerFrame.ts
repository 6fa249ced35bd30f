/**
 * One action reaches a client as several frames (the synced state's patch, then the viewer's own
 * events and private data), each a separate message event. Drawing after each would show the
 * table half-updated and then again: calls made before the next paint run `draw` once, with
 * whatever is newest by then.
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
