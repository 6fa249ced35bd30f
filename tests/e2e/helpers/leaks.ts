/*
 * Every way a number can travel in a frame: as text (plain or with thousands separators) and
 * as the binary forms msgpack (direct messages, big-endian, with its type prefix) and the
 * schema encoder (little-endian) would give it. Two-byte raw forms are left out: they would
 * match unrelated bytes by chance.
 */
export function numberNeedles(n: number): Buffer[] {
  const needles = [Buffer.from(String(n)), Buffer.from(n.toLocaleString("en-US"))];
  const be = (size: number, write: (b: Buffer) => void, prefix?: number) => {
    const b = Buffer.alloc(size);
    write(b);
    needles.push(prefix === undefined ? b : Buffer.concat([Buffer.from([prefix]), b]));
  };
  if (n >= 0 && n <= 0xffff) be(2, (b) => b.writeUInt16BE(n), 0xcd);
  be(4, (b) => b.writeUInt32BE(n), 0xce);
  be(4, (b) => b.writeUInt32LE(n));
  be(4, (b) => b.writeFloatBE(n), 0xca);
  be(4, (b) => b.writeFloatLE(n));
  be(8, (b) => b.writeDoubleBE(n), 0xcb);
  be(8, (b) => b.writeDoubleLE(n));
  return needles;
}

/** The frame with every occurrence of the given texts blanked out (same length, zero bytes). */
function blankOut(frame: Buffer, texts: readonly string[]): Buffer {
  let out = frame;
  for (const text of texts) {
    const needle = Buffer.from(text);
    for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + needle.length)) {
      if (out === frame) out = Buffer.from(frame);
      out.fill(0, at, at + needle.length);
    }
  }
  return out;
}

/**
 * Which of the named secrets (numbers in every encoding, texts as UTF-8) occur in the frames.
 * `publicTexts` are texts everyone may see (the scenario's story quotes round figures such as
 * "$20,000", which a drawn walk-away can equal); they are blanked out before the search.
 */
export function findSecrets(
  frames: readonly Buffer[],
  secrets: { readonly numbers: Record<string, number>; readonly texts: Record<string, string> },
  publicTexts: readonly string[] = [],
): string[] {
  const found = new Set<string>();
  for (const raw of frames) {
    const frame = blankOut(raw, publicTexts);
    for (const [name, n] of Object.entries(secrets.numbers)) if (numberNeedles(n).some((needle) => frame.includes(needle))) found.add(name);
    for (const [name, text] of Object.entries(secrets.texts)) if (frame.includes(Buffer.from(text))) found.add(name);
  }
  return [...found];
}
