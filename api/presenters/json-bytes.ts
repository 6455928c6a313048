/**
 * Builds one UTF-8 JSON reply in a scratch buffer: fragments already encoded
 * (a policy's fixed parts) are copied as bytes, the rest is encoded in place.
 * Concatenating a ~20 K-character reply as a string and encoding it at the
 * end cost as much again as writing it: the string is flattened from
 * hundreds of pieces, then every character, fixed or not, is encoded.
 *
 * One scratch buffer for the process: a reply is written synchronously from
 * start() to done(), so two never interleave.
 */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
let length = 0;
let writing = false;

function ensure(extra: number): void {
  if (length + extra <= scratch.length) return;
  const grown = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, length + extra));
  scratch.copy(grown, 0, 0, length);
  scratch = grown;
}

export const jsonBytes = {
  /** Begins a reply; `write` is the whole of it, done() its bytes. */
  build(write: () => void): Buffer {
    if (writing) throw new Error('jsonBytes.build is not reentrant');
    writing = true;
    length = 0;
    try {
      write();
      // Copied out at its size, not zero-filled first, and not in the shared pool, whose 8 KB a
      // cached small reply would keep alive.
      const json = Buffer.allocUnsafeSlow(length);
      scratch.copy(json, 0, 0, length);
      return json;
    } finally {
      writing = false;
    }
  },

  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    ensure(text.length * 3);
    length += scratch.write(text, length, 'utf8');
  },

  bytes(bytes: Buffer): void {
    ensure(bytes.length);
    bytes.copy(scratch, length);
    length += bytes.length;
  },
};
