const strict = new TextDecoder('utf-8', { fatal: true });

/** Where bytes stop being UTF-8: 1-based line and column (in UTF-16 code units, as diagnostics count), and the byte. */
export interface NotUtf8 {
  line: number;
  column: number;
  byte: number;
}

/**
 * A file's bytes as text, or where they are not UTF-8 (a decoder that
 * replaces such bytes would change the figures silently). A byte-order mark
 * is not text: left in, it would shift every column of line 1.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | ({ ok: false } & NotUtf8) {
  try {
    return { ok: true, text: strict.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const at = firstInvalid(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const column = strict.decode(bytes.subarray(lineStart, at)).length + 1;
    return { ok: false, line, column, byte: bytes[at]! };
  }
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length || i + length > bytes.length) return i;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length - 1;
}
