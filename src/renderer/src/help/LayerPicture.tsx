/**
 * A small picture of what a layer type computes, for its "What is this layer?" page: a window sliding to
 * one output value, a pool keeping the largest of four, every input joined to every unit, an activation's
 * own curve (drawn from core's activateOne, the function the step view computes with)…
 */
import { activateOne, type ActivationName, type LayerType } from '@core/index.ts';

type Picture =
  | 'input'
  | 'window'
  | 'pool'
  | 'global'
  | 'flatten'
  | 'dense'
  | 'dropout'
  | 'norm'
  | 'activation'
  | 'merge'
  | 'resize'
  | 'recurrent'
  | 'augment';

/** Every layer type's picture: a new type does not compile until it has one. */
const PICTURES: Record<LayerType, Picture> = {
  Input: 'input',
  Conv2D: 'window',
  DepthwiseConv2D: 'window',
  SeparableConv2D: 'window',
  Conv2DTranspose: 'window',
  Conv1D: 'window',
  ZeroPadding2D: 'resize',
  Cropping2D: 'resize',
  UpSampling2D: 'resize',
  MaxPooling2D: 'pool',
  AveragePooling2D: 'pool',
  MaxPooling1D: 'pool',
  AveragePooling1D: 'pool',
  GlobalAveragePooling2D: 'global',
  GlobalMaxPooling2D: 'global',
  GlobalMaxPooling1D: 'global',
  GlobalAveragePooling1D: 'global',
  Flatten: 'flatten',
  Reshape: 'flatten',
  Permute: 'flatten',
  RepeatVector: 'flatten',
  Dense: 'dense',
  Embedding: 'dense',
  Dropout: 'dropout',
  SpatialDropout2D: 'dropout',
  SpatialDropout1D: 'dropout',
  GaussianNoise: 'dropout',
  GaussianDropout: 'dropout',
  AlphaDropout: 'dropout',
  BatchNormalization: 'norm',
  LayerNormalization: 'norm',
  Rescaling: 'norm',
  Activation: 'activation',
  ReLU: 'activation',
  LeakyReLU: 'activation',
  PReLU: 'activation',
  ELU: 'activation',
  Softmax: 'activation',
  Add: 'merge',
  Concatenate: 'merge',
  Multiply: 'merge',
  Subtract: 'merge',
  Average: 'merge',
  Maximum: 'merge',
  Minimum: 'merge',
  LSTM: 'recurrent',
  GRU: 'recurrent',
  SimpleRNN: 'recurrent',
  Bidirectional: 'recurrent',
  RandomFlip: 'augment',
  RandomRotation: 'augment',
  RandomZoom: 'augment',
  RandomTranslation: 'augment',
};

/** The curve each activation layer draws. */
const CURVES: Partial<Record<LayerType, ActivationName>> = {
  ReLU: 'relu',
  LeakyReLU: 'leaky_relu',
  PReLU: 'leaky_relu',
  ELU: 'elu',
  Activation: 'relu',
  Softmax: 'sigmoid',
};

const MERGE_SIGNS: Partial<Record<LayerType, string>> = {
  Add: '+',
  Concatenate: '⧺',
  Multiply: '×',
  Subtract: '−',
  Average: 'avg',
  Maximum: 'max',
  Minimum: 'min',
};

const W = 300;
const H = 120;

function cells(
  x: number,
  y: number,
  rows: number,
  columns: number,
  size: number,
  fill?: (r: number, c: number) => string,
) {
  return Array.from({ length: rows * columns }, (_, i) => {
    const [r, c] = [Math.floor(i / columns), i % columns];
    return (
      <rect
        key={`${x},${y},${i}`}
        x={x + c * size}
        y={y + r * size}
        width={size}
        height={size}
        className="layer-picture__cell"
        style={fill ? { fill: fill(r, c) } : undefined}
      />
    );
  });
}

const arrow = (x1: number, y1: number, x2: number, y2: number) => (
  <line x1={x1} y1={y1} x2={x2} y2={y2} className="layer-picture__arrow" markerEnd="url(#layer-picture-head)" />
);

const nodes = (x: number, n: number, crossed: (i: number) => boolean = () => false) =>
  Array.from({ length: n }, (_, i) => {
    const y = H / 2 + (i - (n - 1) / 2) * 22;
    return (
      <g key={`${x},${i}`}>
        <circle
          cx={x}
          cy={y}
          r={8}
          className={crossed(i) ? 'layer-picture__node layer-picture__node--off' : 'layer-picture__node'}
        />
        {crossed(i) && (
          <path
            d={`M${x - 6},${y - 6} L${x + 6},${y + 6} M${x + 6},${y - 6} L${x - 6},${y + 6}`}
            className="layer-picture__cross"
          />
        )}
      </g>
    );
  });

const ACCENT = 'var(--accent-soft)';

function drawing(type: LayerType) {
  switch (PICTURES[type]) {
    case 'input':
      return cells(110, 20, 5, 5, 16, (r, c) => ((r + c) % 3 === 0 ? ACCENT : ''));
    case 'window':
      return (
        <>
          {cells(20, 20, 5, 5, 16, (r, c) => (r >= 1 && r <= 3 && c >= 1 && c <= 3 ? ACCENT : ''))}
          {arrow(110, 60, 170, 60)}
          {cells(190, 36, 3, 3, 16, (r, c) => (r === 1 && c === 1 ? ACCENT : ''))}
        </>
      );
    case 'pool':
      return (
        <>
          {cells(30, 28, 4, 4, 16, (r, c) => (r < 2 && c < 2 ? ACCENT : ''))}
          <text x={38} y={49} className="layer-picture__text">
            9
          </text>
          {arrow(110, 60, 170, 60)}
          {cells(190, 44, 2, 2, 16, (r, c) => (r === 0 && c === 0 ? ACCENT : ''))}
          <text x={195} y={57} className="layer-picture__text">
            9
          </text>
        </>
      );
    case 'global':
      return (
        <>
          {[0, 1, 2].map((i) => cells(30 + i * 10, 20 + i * 10, 4, 4, 14))}
          {arrow(120, 60, 170, 60)}
          {cells(195, 38, 3, 1, 14, () => ACCENT)}
        </>
      );
    case 'flatten':
      return (
        <>
          {cells(30, 36, 3, 3, 16)}
          {arrow(90, 60, 130, 60)}
          {cells(140, 52, 1, 9, 16, (_, c) => (c < 3 ? ACCENT : ''))}
        </>
      );
    case 'dense':
      return (
        <>
          {[0, 1, 2, 3].flatMap((i) =>
            [0, 1, 2].map((j) => (
              <line
                key={`${i}-${j}`}
                x1={100}
                y1={H / 2 + (i - 1.5) * 22}
                x2={200}
                y2={H / 2 + (j - 1) * 22}
                className="layer-picture__wire"
              />
            )),
          )}
          {nodes(100, 4)}
          {nodes(200, 3)}
        </>
      );
    case 'dropout':
      return (
        <>
          {nodes(120, 4)}
          {arrow(140, 60, 170, 60)}
          {nodes(190, 4, (i) => i === 1 || i === 2)}
        </>
      );
    case 'norm':
      return (
        <>
          <path d={bell(40, 140, 110, 30)} className="layer-picture__curve layer-picture__curve--before" />
          {arrow(150, 60, 180, 60)}
          <path d={bell(190, 280, 235, 50)} className="layer-picture__curve" />
        </>
      );
    case 'activation': {
      const fn = CURVES[type] ?? 'relu';
      const points = Array.from({ length: 61 }, (_, i) => {
        const x = -3 + i * 0.1;
        const y = activateOne(fn, x) ?? 0;
        return `${150 + x * 30},${90 - Math.max(-1.5, Math.min(3, y)) * 25}`;
      });
      return (
        <>
          <line x1={50} y1={90} x2={250} y2={90} className="layer-picture__axis" />
          <line x1={150} y1={10} x2={150} y2={115} className="layer-picture__axis" />
          <polyline points={points.join(' ')} className="layer-picture__curve" />
        </>
      );
    }
    case 'merge':
      return (
        <>
          {cells(30, 16, 2, 2, 16)}
          {cells(30, 72, 2, 2, 16)}
          {arrow(68, 32, 135, 55)}
          {arrow(68, 88, 135, 65)}
          <circle cx={150} cy={60} r={14} className="layer-picture__node" />
          <text x={150} y={65} textAnchor="middle" className="layer-picture__text">
            {MERGE_SIGNS[type] ?? '+'}
          </text>
          {arrow(166, 60, 200, 60)}
          {cells(210, 44, 2, 2, 16, () => ACCENT)}
        </>
      );
    case 'resize':
      return (
        <>
          {cells(40, 44, 2, 2, 16, () => ACCENT)}
          {arrow(90, 60, 140, 60)}
          {cells(160, 28, 4, 4, 16, (r, c) => (r >= 1 && r <= 2 && c >= 1 && c <= 2 ? ACCENT : ''))}
        </>
      );
    case 'recurrent':
      return (
        <>
          {[0, 1, 2, 3].map((i) => (
            <g key={i}>
              <rect x={30 + i * 65} y={45} width={36} height={30} rx={6} className="layer-picture__node" />
              {i < 3 && arrow(66 + i * 65, 60, 93 + i * 65, 60)}
              {arrow(48 + i * 65, 105, 48 + i * 65, 77)}
            </g>
          ))}
        </>
      );
    case 'augment':
      return (
        <>
          {cells(40, 36, 3, 3, 16, (r, c) => (r === c ? ACCENT : ''))}
          {arrow(100, 60, 150, 60)}
          <g transform="rotate(20 195 60)">{cells(171, 36, 3, 3, 16, (r, c) => (r === c ? ACCENT : ''))}</g>
        </>
      );
  }
}

/** A bell curve from x0 to x1, its peak at (middle, top). */
function bell(x0: number, x1: number, middle: number, top: number): string {
  const spread = (x1 - x0) / 6;
  return Array.from({ length: 41 }, (_, i) => {
    const x = x0 + ((x1 - x0) * i) / 40;
    const y = 100 - (100 - top) * Math.exp(-((x - middle) ** 2) / (2 * spread ** 2));
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(' ');
}

export function LayerPicture({ type, label }: { type: LayerType; label: string }) {
  return (
    <svg
      className="layer-picture"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-picture={PICTURES[type]}
    >
      <defs>
        <marker
          id="layer-picture-head"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 z" className="layer-picture__head" />
        </marker>
      </defs>
      {drawing(type)}
    </svg>
  );
}
