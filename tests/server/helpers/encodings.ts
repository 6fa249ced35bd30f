/*
 * Every byte form a number can take on this wire: decimal text (plain and with thousands
 * separators, as formatMoney writes it), little- and big-endian uint16 (only when the value fits:
 * a 2-byte pattern of a larger value would be its truncation, not the value), uint32/int32,
 * float32 and float64, and the msgpack forms (uint32 0xce, int32 0xd2, float32 0xca, float64 0xcb)
 * that both direct messages and the Schema encoder use for numbers.
 */

export type Pattern = { readonly encoding: string; readonly bytes: Uint8Array };

export function encodingsOf(value: number): Pattern[] {
  const out: Pattern[] = [];
  const text = (s: string) => new TextEncoder().encode(s);
  const bytes = (size: number, write: (view: DataView) => void, prefix?: number) => {
    const buf = new ArrayBuffer(size);
    write(new DataView(buf));
    const raw = new Uint8Array(buf);
    return prefix === undefined ? raw : Uint8Array.from([prefix, ...raw]);
  };
  out.push({ encoding: "ascii", bytes: text(String(value)) });
  out.push({ encoding: "ascii-grouped", bytes: text(value.toLocaleString("en-US")) });
  if (Number.isInteger(value) && value >= 0 && value <= 0xffff) {
    out.push({ encoding: "uint16-le", bytes: bytes(2, (v) => v.setUint16(0, value, true)) });
    out.push({ encoding: "uint16-be", bytes: bytes(2, (v) => v.setUint16(0, value, false)) });
  }
  for (const le of [true, false]) {
    const end = le ? "le" : "be";
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) out.push({ encoding: `uint32-${end}`, bytes: bytes(4, (v) => v.setUint32(0, value, le)) });
    if (Number.isInteger(value) && value < 0 && value >= -0x80000000) out.push({ encoding: `int32-${end}`, bytes: bytes(4, (v) => v.setInt32(0, value, le)) });
    out.push({ encoding: `float32-${end}`, bytes: bytes(4, (v) => v.setFloat32(0, value, le)) });
    out.push({ encoding: `float64-${end}`, bytes: bytes(8, (v) => v.setFloat64(0, value, le)) });
  }
  out.push({ encoding: "msgpack-uint32", bytes: bytes(4, (v) => v.setUint32(0, value >>> 0, false), 0xce) });
  out.push({ encoding: "msgpack-int32", bytes: bytes(4, (v) => v.setInt32(0, value | 0, false), 0xd2) });
  out.push({ encoding: "msgpack-float32", bytes: bytes(4, (v) => v.setFloat32(0, value, false), 0xca) });
  out.push({ encoding: "msgpack-float64", bytes: bytes(8, (v) => v.setFloat64(0, value, false), 0xcb) });
  return out;
}

export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export type Hit = { readonly frame: number; readonly encoding: string };

/** Every frame in which any encoding of `value` occurs. */
export function hitsOf(frames: readonly Uint8Array[], value: number): Hit[] {
  const patterns = encodingsOf(value);
  const hits: Hit[] = [];
  frames.forEach((frame, i) => {
    for (const p of patterns) if (indexOfBytes(frame, p.bytes) >= 0) hits.push({ frame: i, encoding: p.encoding });
  });
  return hits;
}
