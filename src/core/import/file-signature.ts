/** What a file is by its first bytes: a zip (Keras 3's .keras), HDF5 (Keras 2's .h5) or text (JSON). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes of a file's start that tell its kind. */
export const SIGNATURE_BYTES = 8;

export function fileSignature(head: Uint8Array): 'zip' | 'hdf5' | 'text' {
  const startsWith = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (startsWith(ZIP_MAGIC)) return 'zip';
  if (startsWith(HDF5_MAGIC)) return 'hdf5';
  return 'text';
}
