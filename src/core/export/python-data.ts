/**
 * Loading a project's dataset in Python, the same way in the Keras and the PyTorch scripts: numpy arrays
 * x_train, y_train, x_test, y_test, images channels last (N, H, W, C) scaled to [0, 1], labels as class
 * numbers. MNIST comes from the framework's own download; folders are read as ConvStudio reads them.
 */
import { pythonScaling } from '../datasets/pixel-range.ts';
import type { DatasetBinding, TrainingSettings } from '../document/training-schema.ts';
import { msg } from '../i18n/messages.ts';
import { indent, pyNumber, pyString } from './python-text.ts';
import { SAY_EN, type Say } from './script-words.ts';

const idxReader = (say: Say) => [
  'def read_idx(path):',
  `    """${say(msg('script.idxDoc'))}"""`,
  '    opener = gzip.open if path.endswith(".gz") else open',
  '    with opener(path, "rb") as f:',
  '        data = f.read()',
  '    rank = data[3]',
  '    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(rank)]',
  '    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims).copy()',
  '',
  '',
  'def find(folder, prefixes):',
  '    for name in sorted(os.listdir(folder)):',
  '        if name.startswith(prefixes):',
  '            return os.path.join(folder, name)',
  '    raise FileNotFoundError(f"no {prefixes[0]}* file in {folder}")',
  '',
  '',
  'def load_idx_folder(folder):',
  '    x_train = read_idx(find(folder, ("train-images",)))',
  '    y_train = read_idx(find(folder, ("train-labels",)))',
  '    x_test = read_idx(find(folder, ("t10k-images", "test-images")))',
  '    y_test = read_idx(find(folder, ("t10k-labels", "test-labels")))',
  '    return (x_train[..., None], y_train), (x_test[..., None], y_test)',
];

const cifarReader = (say: Say) => [
  'def read_cifar_batch(path):',
  `    """${say(msg('script.cifarDoc'))}"""`,
  '    records = np.fromfile(path, dtype=np.uint8).reshape(-1, 1 + 3 * 32 * 32)',
  '    return records[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), records[:, 0]',
  '',
  '',
  'def load_cifar_folder(folder):',
  '    train = [read_cifar_batch(os.path.join(folder, f"data_batch_{i}.bin")) for i in range(1, 6)]',
  '    x_test, y_test = read_cifar_batch(os.path.join(folder, "test_batch.bin"))',
  '    return (np.concatenate([x for x, _ in train]), np.concatenate([y for _, y in train])), (x_test, y_test)',
];

/** One sub-folder of images per class, resized and made grey or RGB as the Input needs. Uses Pillow. */
const IMAGE_FOLDER_READER = [
  'def load_image_folder(folder, size, channels, test_split, seed):',
  '    from PIL import Image',
  '',
  '    classes = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))',
  '    images, labels = [], []',
  '    for label, name in enumerate(classes):',
  '        for file in sorted(os.listdir(os.path.join(folder, name))):',
  '            if file.lower().endswith((".png", ".jpg", ".jpeg")):',
  '                image = Image.open(os.path.join(folder, name, file)).convert("L" if channels == 1 else "RGB")',
  '                images.append(np.asarray(image.resize((size[1], size[0]), Image.BILINEAR)))',
  '                labels.append(label)',
  '    x = np.stack(images).reshape(-1, size[0], size[1], channels)',
  '    y = np.array(labels)',
  '    order = np.random.default_rng(seed).permutation(len(x))',
  '    test = int(round(len(x) * test_split))',
  '    return (x[order[test:]], y[order[test:]]), (x[order[:test]], y[order[:test]])',
];

export interface PythonData {
  /** Imports the loading needs, beyond numpy. */
  imports: string[];
  /** Functions to define at the top level. */
  helpers: string[];
  /** Statements that set x_train, y_train, x_test, y_test (uint8 images) inside a function body. */
  load: string[];
}

/**
 * `mnist` is how the framework itself fetches MNIST: `keras.datasets.mnist.load_data()` in Keras,
 * torchvision's dataset in PyTorch.
 */
export function pythonData(
  binding: DatasetBinding | null,
  inputShape: readonly number[],
  { seed, pixelRange }: Pick<TrainingSettings, 'seed' | 'pixelRange'>,
  mnist: { imports: string[]; load: string[] },
  say: Say = SAY_EN,
): PythonData {
  const [h, w, c] = inputShape as [number, number, number];
  const path = binding && binding.kind !== 'builtin' ? pyString(binding.path) : '';
  const scaling = pythonScaling(pixelRange);
  const scaled = ['x_train', 'x_test'].map((x) => `${x} = ${x}.astype("float32")${scaling}`);
  if (!binding || binding.kind === 'builtin')
    return { imports: mnist.imports, helpers: [], load: [...mnist.load, ...scaled] };
  switch (binding.kind) {
    case 'idx':
      return {
        imports: ['import gzip', 'import os'],
        helpers: idxReader(say),
        load: [`(x_train, y_train), (x_test, y_test) = load_idx_folder(${path})`, ...scaled],
      };
    case 'cifar10':
      return {
        imports: ['import os'],
        helpers: cifarReader(say),
        load: [`(x_train, y_train), (x_test, y_test) = load_cifar_folder(${path})`, ...scaled],
      };
    case 'folder':
      return {
        // The app reads IDX files and CIFAR batches in a folder as such; so does the script.
        imports: ['import gzip', 'import os'],
        helpers: [
          ...idxReader(say),
          '',
          '',
          ...cifarReader(say),
          '',
          '',
          ...IMAGE_FOLDER_READER,
          '',
          '',
          ...folderDispatch(),
        ],
        load: [
          `(x_train, y_train), (x_test, y_test) = load_folder(${path}, (${h}, ${w}), ${c}, ${pyNumber(binding.testSplit, true)}, ${seed})`,
          ...scaled,
        ],
      };
  }
}

function folderDispatch(): string[] {
  return [
    'def load_folder(folder, size, channels, test_split, seed):',
    ...indent([
      'names = os.listdir(folder)',
      'if any(n.startswith("train-images") for n in names):',
      '    return load_idx_folder(folder)',
      'if "test_batch.bin" in names:',
      '    return load_cifar_folder(folder)',
      'return load_image_folder(folder, size, channels, test_split, seed)',
    ]),
  ];
}
