import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/trainer/backends/select-backend.ts';
await selectBackend('wasm');
async function time(label: string, f: () => tf.Tensor, reps = 3) {
  tf.dispose(f()); const t0 = performance.now(); for (let i = 0; i < reps; i++) { const r = f(); await r.data(); r.dispose(); }
  console.log(label.padEnd(44), ((performance.now() - t0) / reps).toFixed(1), 'ms');
}
function samePad(n: number, k: number) { const total = Math.max(k - 1, 0); return [Math.floor(total / 2), total - Math.floor(total / 2)]; }
function viaGemm(x: tf.Tensor4D, dy: tf.Tensor4D, kh: number, kw: number, pad: string) {
  return tf.tidy(() => {
    let xp = x;
    if (pad === 'same') { const [t, b] = samePad(x.shape[1], kh); const [l, r] = samePad(x.shape[2], kw); xp = tf.pad(x, [[0,0],[t,b],[l,r],[0,0]]); }
    const [n, oh, ow, co] = dy.shape; const c = x.shape[3];
    const cols: tf.Tensor[] = [];
    for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) cols.push(tf.slice(xp, [0, i, j, 0], [n, oh, ow, c]));
    const patches = tf.reshape(tf.concat(cols, 3), [n * oh * ow, kh * kw * c]);
    const dyT = tf.transpose(tf.reshape(dy, [n * oh * ow, co]));
    return tf.reshape(tf.transpose(tf.matMul(dyT, patches)), [kh, kw, c, co]);
  });
}
for (const [xs, dys, k, pad] of [[[128,14,14,16],[128,14,14,36],5,'same'], [[128,28,28,1],[128,28,28,16],5,'same'], [[128,26,26,32],[128,24,24,64],3,'valid'], [[128,28,28,1],[128,26,26,32],3,'valid'], [[128,16,16,32],[128,16,16,64],3,'same']] as const) {
  const x = tf.randomNormal([...xs]) as tf.Tensor4D, dy = tf.randomNormal([...dys]) as tf.Tensor4D;
  const filterShape = [k, k, xs[3], dys[3]] as [number, number, number, number];
  const ref = await tf.conv2dTranspose ? null : null; void ref;
  const a = await (tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, 1, pad), dy)))(tf.zeros(filterShape))).data();
  const b = await viaGemm(x, dy, k, k, pad).data();
  let m = 0; for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / (1 + Math.abs(a[i]!)));
  console.log(JSON.stringify(xs), 'k', k, pad, 'relerr', m.toExponential(1));
  await time('  current (dilated conv)', () => tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, 1, pad), dy)))(tf.zeros(filterShape)));
  await time('  gemm', () => viaGemm(x, dy, k, k, pad));
}
