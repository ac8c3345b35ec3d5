/**
 * The IDX format of MNIST, Fashion-MNIST, KMNIST and EMNIST (yann.lecun.com/exdb/mnist): two zero bytes, a
 * type byte (0x08: unsigned bytes), the number of dimensions, each dimension as a big-endian 32-bit size, then
 * the data. Only unsigned-byte files hold images and labels.
 */
import { msg, type Msg } from '../i18n/messages.ts';
import { MAX_DATASET_FILE_BYTES, fileTooLarge } from './image-dataset.ts';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export type IdxResult = { ok: true; value: IdxArray } | { ok: false; error: Msg };

const UNSIGNED_BYTE = 0x08;

export function parseIdx(bytes: Uint8Array, file: string, maxBytes = MAX_DATASET_FILE_BYTES): IdxResult {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return { ok: false, error: msg('data.idxMagic', { file, magic: magic || 'empty' }) };
  }
  if (bytes[2] !== UNSIGNED_BYTE) {
    return { ok: false, error: msg('data.idxType', { file, type: `0x${bytes[2]!.toString(16).padStart(2, '0')}` }) };
  }
  const rank = bytes[3]!;
  const headerSize = 4 + 4 * rank;
  if (rank === 0 || bytes.length < headerSize)
    return { ok: false, error: msg('data.truncated', { file, expected: headerSize, actual: bytes.length }) };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  if (size > maxBytes) return { ok: false, error: fileTooLarge(file, size, maxBytes) };
  if (bytes.length < headerSize + size) {
    return { ok: false, error: msg('data.truncated', { file, expected: headerSize + size, actual: bytes.length }) };
  }
  return { ok: true, value: { dims, data: bytes.subarray(headerSize, headerSize + size) } };
}
