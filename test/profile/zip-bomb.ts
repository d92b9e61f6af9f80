// Builds decompression bombs for the tests: a DEFLATE stream of zeros made with fflate's streaming
// Deflate (one sync-flushed piece repeated, so gigabytes cost megabytes and milliseconds) inside a
// ZIP whose headers claim a small size.
import { Deflate } from 'fflate';

/** Raw DEFLATE that inflates to `pieces` × `pieceBytes` zero bytes. */
export function deflatedZeros(pieceBytes: number, pieces: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  deflate.push(new Uint8Array(pieceBytes));
  // a sync flush ends the piece on a byte boundary with only back-references into zeros, so
  // the same bytes are valid again after themselves
  deflate.flush(true);
  const piece = concat(out.splice(0));
  deflate.push(new Uint8Array(0), true);
  const tail = concat(out);
  return concat([...Array.from({ length: pieces }, () => piece), tail]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A one-entry ZIP holding `deflated` as `name`, whose headers claim `claimedSize` bytes. */
export function zipClaiming(name: string, deflated: Uint8Array, claimedSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true); // deflate
  local.setUint16(12, 0x21, true); // 1980-01-01
  local.setUint32(18, deflated.length, true);
  local.setUint32(22, claimedSize, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint16(14, 0x21, true);
  central.setUint32(20, deflated.length, true);
  central.setUint32(24, claimedSize, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint32(42, 0, true); // local header at 0
  const centralAt = 30 + nameBytes.length + deflated.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, centralAt, true);
  return concat([
    new Uint8Array(local.buffer),
    nameBytes,
    deflated,
    new Uint8Array(central.buffer),
    nameBytes,
    new Uint8Array(end.buffer),
  ]);
}
