/**
 * Where Keras 3 keeps each layer's variables in a .keras file's model.weights.h5 (keras/src/saving/
 * saving_lib.py): not under the layer's name but under its class name in snake case, numbered within its
 * model in the order of the model's layers ('layers/conv2d', 'layers/conv2d_1', 'layers/dense'), a nested
 * model's layers under its own path ('layers/sequential/layers/conv2d'). Read from the model's config.
 */
import { isObject, MODEL_CLASSES } from './keras-layer.ts';

/** keras/src/utils/naming.py's to_snake_case: 'MaxPooling2D' → 'max_pooling2d', 'Conv2D' → 'conv2d'. */
export function snakeCase(className: string): string {
  return className
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** For each layer of the config, at any depth, its group in model.weights.h5 and its Keras name. */
export function keras3WeightPaths(model: unknown): { path: string; layer: string }[] {
  const out: { path: string; layer: string }[] = [];
  const stack: { model: unknown; path: string }[] = [{ model, path: '' }];
  while (stack.length > 0) {
    const { model: current, path } = stack.pop()!;
    const config = isObject(current) ? current.config : undefined;
    const layers = isObject(config) && Array.isArray(config.layers) ? config.layers : [];
    const used = new Map<string, number>();
    const nested: { model: unknown; path: string }[] = [];
    for (const layer of layers) {
      if (!isObject(layer) || typeof layer.class_name !== 'string') continue;
      const base = snakeCase(layer.class_name);
      const seen = used.get(base);
      used.set(base, seen === undefined ? 0 : seen + 1);
      const own = `${path}layers/${seen === undefined ? base : `${base}_${seen + 1}`}`;
      const name = isObject(layer.config) && typeof layer.config.name === 'string' ? layer.config.name : '';
      if (MODEL_CLASSES.has(layer.class_name)) nested.push({ model: layer, path: `${own}/` });
      else out.push({ path: own, layer: name });
    }
    stack.push(...nested.reverse());
  }
  return out;
}
