/**
 * Inside a trained network, for the image being tried: the feature maps of every convolution and pooling
 * layer as a grid of channels (a click on one enlarges that channel with its values, and shows the receptive
 * field of the clicked cell on the image and its convolution or pooling step), the
 * Dense layers' units (a click on one shows how its value comes about), the first convolution layer's learned
 * filters as small images, and a histogram of every layer's activations.
 */
import { useMemo, useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import {
  featureMapImages,
  filterImages,
  formatOnScale,
  formatPercent,
  formatShape,
  histogram,
  type Analysis,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import type { Kernel, LayerOutput } from '../inference/trained-network.ts';
import { ConvolutionStep, type ConvolutionInputs } from './ConvolutionStep.tsx';
import { FeatureMapValues } from './FeatureMapValues.tsx';
import { PoolingStep } from './PoolingStep.tsx';
import { DenseUnits, type DenseInputs } from './DenseStep.tsx';
import { ReceptiveField, type PickedCell } from './ReceptiveField.tsx';
import { PixelImage } from './SampleImage.tsx';

/** Layers whose outputs are pictures worth showing channel by channel. */
const MAP_LAYERS = new Set(['Conv2D', 'DepthwiseConv2D', 'MaxPooling2D', 'AveragePooling2D']);
/** The most channels drawn per layer. */
const MAX_CHANNELS = 64;

const shapeText = (shape: readonly number[]) => shape.join(' × ');

function FeatureMaps({
  layer,
  onCell,
}: {
  layer: LayerOutput;
  onCell: (cell: [number, number], channel: number) => void;
}) {
  const { tf } = useLang();
  const [h, w, c] = layer.shape as [number, number, number];
  const images = useMemo(() => featureMapImages(layer.values, [h, w, c], MAX_CHANNELS), [layer, h, w, c]);
  const size = Math.max(28, Math.min(64, 2 * w));
  return (
    <figure className="feature-maps" data-testid="feature-maps" data-layer={layer.name}>
      <figcaption>
        <strong>{layer.name}</strong> <span className="muted">{layer.kind}</span>{' '}
        <span className="muted small">
          {tf('inside.channels', { shape: shapeText(layer.shape), shown: images.length, total: c })}
        </span>
      </figcaption>
      <div className="feature-maps__grid">
        {images.map((bytes, i) => (
          <PixelImage
            key={i}
            bytes={bytes}
            shape={[h, w, 1]}
            size={size}
            title={`${layer.name} #${i + 1}`}
            onCell={(cell) => onCell(cell, i)}
            className="sample-image pickable"
          />
        ))}
      </div>
    </figure>
  );
}

function Filters({ kernel }: { kernel: Kernel }) {
  const { tf } = useLang();
  const [kh, kw, , n] = kernel.shape;
  const images = useMemo(() => filterImages(kernel.values, kernel.shape), [kernel]);
  return (
    <section className="inside__part" data-testid="filters">
      <h3>{tf('inside.filters', { layer: kernel.layer })}</h3>
      <p className="muted small">{tf('inside.filtersHint', { n, size: `${kh} × ${kw}` })}</p>
      <div className="filters__grid">
        {images.map((image, i) => (
          <PixelImage key={i} bytes={image.pixels} shape={[kh, kw, image.channels]} size={40} title={`#${i + 1}`} />
        ))}
      </div>
    </section>
  );
}

function LayerHistogram({ layer }: { layer: LayerOutput }) {
  const { tf } = useLang();
  const h = useMemo(() => histogram(layer.values, 24), [layer]);
  const span = h.max - h.min;
  const width = span / h.counts.length;
  const total = Math.max(1, h.total);
  // Each bar: the share of the layer's values in its bin, labelled by where the bin starts.
  const data = h.counts.map((count, i) => ({
    x: formatOnScale(h.min + i * width, span),
    share: count / total,
  }));
  return (
    <figure className="histogram" data-testid="histogram" data-layer={layer.name}>
      <figcaption>
        <strong>{layer.name}</strong> <span className="muted small">{shapeText(layer.shape)}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={120}>
        <BarChart data={data} margin={{ left: 0, right: 8, top: 4, bottom: 0 }} barCategoryGap={1}>
          <XAxis dataKey="x" interval={7} tick={{ fontSize: 10 }} tickLine={false} />
          <YAxis
            tickFormatter={(v: number) => formatPercent(v, 0)}
            tick={{ fontSize: 10 }}
            width={34}
            tickCount={3}
            domain={[0, 'auto']}
          />
          <Bar dataKey="share" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <p className="muted small">
        {tf('inside.range', { min: formatOnScale(h.min, span), max: formatOnScale(h.max, span) })} ·{' '}
        {tf('inside.zeros', { p: formatPercent(h.zeros / Math.max(1, h.total)) })}
      </p>
    </figure>
  );
}

/**
 * What a layer read in the trained network, for working one of its values out: the output of the layer
 * feeding it (or the image, for the first), with that layer's shape; null where it is not at hand.
 */
function layerInput(
  analysis: Analysis,
  nodeId: string,
  layers: LayerOutput[],
  imageValues: Float32Array,
): { values: ArrayLike<number>; shape: number[] } | null {
  const before = analysis.byId.get(analysis.inputsOf.get(nodeId)?.[0] ?? '');
  const shape = before?.outputShape;
  if (!before || !shape || shape.some((d) => d === null)) return null;
  const values = before.type === 'Input' ? imageValues : layers.find((l) => l.name === before.name)?.values;
  return values ? { values, shape: shape as number[] } : null;
}

/** The pooling step of a picked MaxPooling2D or AveragePooling2D cell, from the previous layer's output. */
function PoolingAtCell({
  picked,
  analysis,
  layers,
  imageValues,
}: {
  picked: PickedCell;
  analysis: Analysis;
  layers: LayerOutput[];
  imageValues: Float32Array;
}) {
  const graph = useEditor((s) => s.history.present.graph);
  const node = analysis.nodes.find((n) => n.name === picked.layer);
  const layer = layers.find((l) => l.name === picked.layer);
  const drawn = graph.nodes.find((n) => n.id === node?.id);
  if (!node || !layer || (drawn?.type !== 'MaxPooling2D' && drawn?.type !== 'AveragePooling2D')) return null;
  const input = layerInput(analysis, node.id, layers, imageValues);
  if (input?.shape.length !== 3) return null;
  const p = drawn.params;
  const [, w, c] = layer.shape as [number, number, number];
  return (
    <PoolingStep
      layer={node.name}
      step={{
        input: { values: input.values, shape: input.shape as [number, number, number] },
        pool: p.pool_size,
        strides: p.strides ?? p.pool_size,
        padding: p.padding,
        operation: drawn.type === 'MaxPooling2D' ? 'max' : 'average',
        cell: picked.cell,
        channel: picked.channel,
      }}
      value={layer.values[(picked.cell[0] * w + picked.cell[1]) * c + picked.channel]!}
    />
  );
}

/**
 * A DepthwiseConv2D's output channel `out` as a one-channel convolution: input channel ⌊out / multiplier⌋ and
 * its filter number out mod multiplier (Keras's depthwise kernel is [height, width, channels, multiplier]).
 */
function oneChannel(
  input: { values: ArrayLike<number>; shape: [number, number, number] },
  weights: ConvolutionInputs['weights'],
  out: number,
): { input: ConvolutionInputs['input']; weights: ConvolutionInputs['weights'] } {
  const [h, w, channels] = input.shape;
  const [kh, kw, , multiplier] = weights.kernel.shape;
  const [channel, m] = [Math.floor(out / multiplier), out % multiplier];
  const values = new Float32Array(h * w);
  for (let p = 0; p < h * w; p++) values[p] = input.values[p * channels + channel]!;
  const kernel = new Float32Array(kh * kw);
  for (let p = 0; p < kh * kw; p++) kernel[p] = weights.kernel.values[(p * channels + channel) * multiplier + m]!;
  return {
    input: { values, shape: [h, w, 1] },
    weights: {
      kernel: { layer: weights.kernel.layer, shape: [kh, kw, 1, 1], values: kernel },
      bias: weights.bias ? Float32Array.of(weights.bias[out]!) : null,
    },
  };
}

/** The convolution step of a picked Conv2D or DepthwiseConv2D cell, from the previous layer's output (or the image). */
function ConvolutionAtCell({
  picked,
  analysis,
  layers,
  convolution,
}: {
  picked: PickedCell;
  analysis: Analysis;
  layers: LayerOutput[];
  convolution: {
    weightsOf: (layer: string) => ConvolutionInputs['weights'] | null;
    denseWeightsOf: (layer: string) => DenseInputs['weights'] | null;
    imageValues: Float32Array;
  };
}) {
  const graph = useEditor((s) => s.history.present.graph);
  const node = analysis.nodes.find((n) => n.name === picked.layer);
  const layer = layers.find((l) => l.name === picked.layer);
  if (!node || (node.type !== 'Conv2D' && node.type !== 'DepthwiseConv2D') || !layer) return null;
  const weights = convolution.weightsOf(node.name);
  const read = layerInput(analysis, node.id, layers, convolution.imageValues);
  if (!weights || read?.shape.length !== 3) return null;
  const drawn = graph.nodes.find((n) => n.id === node.id);
  if (drawn?.type !== 'Conv2D' && drawn?.type !== 'DepthwiseConv2D') return null;
  const params = drawn.params as ConvolutionInputs['params'];
  const [, w, c] = layer.shape as [number, number, number];
  const value = layer.values[(picked.cell[0] * w + picked.cell[1]) * c + picked.channel]!;
  const input = { values: read.values, shape: read.shape as [number, number, number] };
  // A depthwise filter reads one input channel: its step is a one-channel convolution of that channel.
  const depthwise = drawn.type === 'DepthwiseConv2D' ? oneChannel(input, weights, picked.channel) : null;
  return (
    <ConvolutionStep
      inputs={{ node, params, input: depthwise?.input ?? input, weights: depthwise?.weights ?? weights, value }}
      cell={picked.cell}
      filter={depthwise ? 0 : picked.channel}
      shownFilter={picked.channel}
    />
  );
}

export function InsideNetwork({
  layers,
  kernel,
  image,
  analysis,
  convolution,
}: {
  layers: LayerOutput[];
  kernel: Kernel | null;
  /** The image being tried, as the network takes it. */
  image: { bytes: Uint8Array; shape: [number, number, number] };
  /** The drawn network's analysis, for receptive fields; null where they must not show (a student's exercise). */
  analysis: Analysis | null;
  /** A Conv2D's trained kernel and bias, by name, and the image's values as the network takes them. */
  convolution: {
    weightsOf: (layer: string) => ConvolutionInputs['weights'] | null;
    denseWeightsOf: (layer: string) => DenseInputs['weights'] | null;
    imageValues: Float32Array;
  };
}) {
  const { t } = useLang();
  const maps = layers.filter((l) => MAP_LAYERS.has(l.kind) && l.shape.length === 3);
  const [picked, setPicked] = useState<PickedCell | null>(null);
  const graph = useEditor((s) => s.history.present.graph);
  const denses = layers.filter((l) => l.kind === 'Dense' && l.shape.length === 1);
  // Only with the drawn network's analysis (never in a student's exercise: a Dense's inputs count is a figure).
  const denseInputs = (layer: LayerOutput): DenseInputs | null => {
    const node = analysis ? graph.nodes.find((n) => n.name === layer.name && n.type === 'Dense') : undefined;
    const weights = node ? convolution.denseWeightsOf(layer.name) : null;
    if (!analysis || !node || node.type !== 'Dense' || !weights) return null;
    const input = layerInput(analysis, node.id, layers, convolution.imageValues)?.values;
    if (!input || input.length !== weights.shape[0]) return null;
    return { input, weights, activation: node.params.activation };
  };
  // The channel shown enlarged with its values.
  const [open, setOpen] = useState<{ layer: string; channel: number } | null>(null);
  // Only where the drawn layer is the trained one (same name and output shape) and has a local field.
  const fieldOf = (layer: LayerOutput) => {
    const node = analysis?.nodes.find((n) => n.name === layer.name);
    return node?.receptiveField && node.outputShape && formatShape(node.outputShape) === formatShape(layer.shape);
  };
  return (
    <section className="panel inside" aria-labelledby="inside-title" data-testid="inside-network">
      <h2 id="inside-title">{t('inside.title')}</h2>
      <p className="muted">{t('inside.intro')}</p>
      {maps.length > 0 && (
        <section className="inside__part">
          <h3>{t('inside.featureMaps')}</h3>
          <p className="muted small">{t('inside.featureMapsHint')}</p>
          <p className="muted small">{t('inside.mapHint')}</p>
          {analysis && <p className="muted small">{t('field.hint')}</p>}
          {maps.map((layer) => {
            const pick = (cell: [number, number], channel: number) => {
              setOpen({ layer: layer.name, channel });
              setPicked(fieldOf(layer) ? { layer: layer.name, cell, channel } : null);
            };
            const shown = open?.layer === layer.name ? open.channel : null;
            return (
              <div key={layer.name}>
                <FeatureMaps layer={layer} onCell={pick} />
                {shown !== null && (
                  <FeatureMapValues
                    layer={layer}
                    index={shown}
                    picked={picked?.layer === layer.name && picked.channel === shown ? picked.cell : null}
                    onCell={(cell) => pick(cell, shown)}
                    onClose={() => setOpen(null)}
                    steppable={Boolean(analysis && fieldOf(layer))}
                  />
                )}
                {picked?.layer === layer.name && analysis && (
                  <>
                    <ReceptiveField picked={picked} analysis={analysis} image={image} />
                    <ConvolutionAtCell picked={picked} analysis={analysis} layers={layers} convolution={convolution} />
                    <PoolingAtCell
                      picked={picked}
                      analysis={analysis}
                      layers={layers}
                      imageValues={convolution.imageValues}
                    />
                  </>
                )}
              </div>
            );
          })}
        </section>
      )}
      {denses.length > 0 && (
        <section className="inside__part">
          <h3>{t('inside.dense')}</h3>
          {denses.map((layer) => (
            <DenseUnits key={layer.name} layer={layer} inputs={denseInputs(layer)} />
          ))}
        </section>
      )}
      {kernel && <Filters kernel={kernel} />}
      <section className="inside__part">
        <h3>{t('inside.histograms')}</h3>
        <p className="muted small">{t('inside.histogramsHint')}</p>
        <div className="histograms">
          {layers.map((layer) => (
            <LayerHistogram key={layer.name} layer={layer} />
          ))}
        </div>
      </section>
    </section>
  );
}
