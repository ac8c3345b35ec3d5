import * as tf from '@tensorflow/tfjs';
import { findTemplate } from '../src/core/index.ts';
import { selectBackend } from '../src/trainer/backends/select-backend.ts';
import { buildTfModel } from '../src/trainer/model/build-tf-model.ts';
await selectBackend('wasm');
for (const id of ['textbook-mnist', 'mnist-4-layer']) {
const model = buildTfModel(findTemplate(id)!.build());
model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
const x = tf.randomUniform([128, 28, 28, 1]); const y = tf.oneHot(tf.randomUniform([128], 0, 10, 'int32'), 10);
await model.trainOnBatch(x, y);
const info = await tf.profile(async () => { await model.trainOnBatch(x, y); });
const byKernel = new Map<string, number>();
for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + (k.kernelTimeMs as number));
console.log(id, [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, t]) => `${k} ${t.toFixed(1)}`).join(' | '));
}
