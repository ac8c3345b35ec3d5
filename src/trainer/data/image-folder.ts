/**
 * An image-folder dataset: one sub-folder per class with PNG or JPEG files, decoded with pure-JavaScript
 * decoders (pngjs, jpeg-js), fitted to the network's Input (resized, made grey or colour), and split into
 * training and test images with the run's seed.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  MAX_CLASSES,
  MAX_IMAGE_MEGAPIXELS,
  datasetProblem,
  fromRgba,
  msg,
  resizeBilinear,
  seededRandom,
  shuffledIndices,
  type ImageSet,
  type Msg,
} from '../../core/index.ts';
import type { DatasetResult } from './load-dataset.ts';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);
/** The most images ConvStudio reads from one folder dataset (memory on ordinary laptops). */
export const MAX_FOLDER_IMAGES = 200_000;

export interface FolderOptions {
  /** The network's Input: [height, width, channels]. */
  shape: [number, number, number];
  testSplit: number;
  seed: number;
  /** The largest image decoded, in millions of pixels (default MAX_IMAGE_MEGAPIXELS). */
  maxMegapixels?: number;
}

type Decoded = { ok: true; width: number; height: number; rgba: Uint8Array } | { ok: false; error: Msg };

/** A PNG's size from its header (IHDR), before anything is decoded. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  return bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
}

/** A JPEG's size from its frame header (SOF0–SOF15 but DHT, JPG and DAC), before anything is decoded. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

function decode(bytes: Buffer, file: string, maxMegapixels: number): Decoded {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  const size = png ? pngSize(bytes) : bytes[0] === 0xff && bytes[1] === 0xd8 ? jpegSize(bytes) : null;
  // A 20,000 × 20,000 PNG of 1 KB would take 1.6 GB to decode: refused from its header.
  if (size && size.width * size.height > maxMegapixels * 1e6) {
    return { ok: false, error: msg('data.imageTooLarge', { file, ...size, max: maxMegapixels }) };
  }
  try {
    if (png) {
      const png = PNG.sync.read(bytes);
      return { ok: true, width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: maxMegapixels,
        maxMemoryUsageInMB: Math.max(512, Math.ceil(maxMegapixels * 4 * 1.2)),
      });
      return { ok: true, width: image.width, height: image.height, rgba: image.data };
    }
  } catch (error) {
    return {
      ok: false,
      error: msg('data.badImage', { file, reason: error instanceof Error ? error.message : String(error) }),
    };
  }
  return { ok: false, error: msg('data.notImage', { file }) };
}

/** What a folder entry is, following links: a folder, anything else, or why it cannot be followed. */
export function entryKind(path: string): 'folder' | 'file' | Msg {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return msg('data.brokenLink', { path });
    if (code === 'ELOOP') return msg('data.linkLoop', { path });
    return msg('data.unreadable', { file: path, reason: code ?? String(error) });
  }
}

/** The class folders and their image files, or why there are none. */
function listClasses(
  folder: string,
): { ok: true; classes: Array<{ name: string; files: string[] }> } | { ok: false; error: Msg } {
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    return { ok: false, error: msg('file.notFound', { path: folder }) };
  }
  const classes: Array<{ name: string; files: string[] }> = [];
  for (const name of entries.filter((n) => !n.startsWith('.'))) {
    const path = join(folder, name);
    const kind = entryKind(path);
    if (typeof kind === 'object') return { ok: false, error: kind };
    if (kind !== 'folder') continue;
    let files: string[];
    try {
      files = readdirSync(path).filter((f) => !f.startsWith('.'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return { ok: false, error: msg('data.unreadable', { file: path, reason }) };
    }
    classes.push({ name, files: files.sort().map((f) => join(path, f)) });
  }
  if (classes.length < 2) return { ok: false, error: msg('data.folderClasses', { folder, count: classes.length }) };
  // Labels are bytes: class 256 would silently become class 0.
  if (classes.length > MAX_CLASSES) {
    return { ok: false, error: msg('data.tooManyClasses', { folder, count: classes.length, max: MAX_CLASSES }) };
  }
  const empty = classes.find((c) => c.files.length === 0);
  if (empty) return { ok: false, error: msg('data.emptyClass', { folder: join(folder, empty.name) }) };
  return { ok: true, classes };
}

export async function loadImageFolder(folder: string, options: FolderOptions): Promise<DatasetResult> {
  const listed = listClasses(folder);
  if (!listed.ok) return listed;
  const files = listed.classes.flatMap((c, label) => c.files.map((file) => ({ file, label })));
  if (files.length > MAX_FOLDER_IMAGES)
    return { ok: false, error: msg('data.tooManyImages', { folder, count: files.length, max: MAX_FOLDER_IMAGES }) };
  const [height, width, channels] = options.shape;
  if (channels !== 1 && channels !== 3) return { ok: false, error: msg('data.folderChannels', { channels }) };
  const size = height * width * channels;
  const pixels = new Uint8Array(files.length * size);
  const labels = new Uint8Array(files.length);
  for (const [i, { file, label }] of files.entries()) {
    if (!IMAGE_EXTENSIONS.has(extname(file).toLowerCase())) return { ok: false, error: msg('data.notImage', { file }) };
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      return {
        ok: false,
        error: msg('data.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
      };
    }
    const image = decode(bytes, file, options.maxMegapixels ?? MAX_IMAGE_MEGAPIXELS);
    if (!image.ok) return image;
    const fitted = resizeBilinear(
      fromRgba(image.rgba, image.width, image.height, channels),
      image.width,
      image.height,
      channels,
      width,
      height,
    );
    pixels.set(fitted, i * size);
    labels[i] = label;
  }
  const order = shuffledIndices(files.length, seededRandom(options.seed));
  const testCount = Math.max(1, Math.round(files.length * options.testSplit));
  const pick = (indices: Int32Array): ImageSet => {
    const out = new Uint8Array(indices.length * size);
    const outLabels = new Uint8Array(indices.length);
    indices.forEach((index, j) => {
      out.set(pixels.subarray(index * size, (index + 1) * size), j * size);
      outLabels[j] = labels[index]!;
    });
    return { pixels: out, labels: outLabels, count: indices.length, shape: [height, width, channels] };
  };
  const dataset = {
    name: basename(folder),
    classes: listed.classes.map((c) => c.name),
    train: pick(order.subarray(testCount)),
    test: pick(order.subarray(0, testCount)),
  };
  const problem = datasetProblem(dataset, { train: folder, test: folder });
  return problem ? { ok: false, error: problem } : { ok: true, value: dataset };
}
