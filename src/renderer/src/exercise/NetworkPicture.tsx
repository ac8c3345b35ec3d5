/**
 * A worksheet's picture of the network: each layer a box with its name and type, in the canvas's top-to-bottom
 * layout (branches side by side), arrows for the connections, a connection that skips rows routed beside the
 * boxes it passes. It shows only what the table beside it already says: no shape or count of the sheet.
 */
import { NODE_WIDTH, layeredPositions, type Graph } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

const BOX_W = 150;
const BOX_H = 34;
const ROW = 50;
const COLUMN = BOX_W + 24;
const PAD = 12;
const TEXT_W = BOX_W - 16;

/** A text's rough width at the picture's type size (a Chinese character about twice a Latin one). */
const roughWidth = (text: string, px: number) =>
  [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? px : px * 0.6), 0);
/** Squeezes a text that would not fit its box. */
const fit = (text: string, px: number) =>
  roughWidth(text, px) > TEXT_W ? { textLength: TEXT_W, lengthAdjust: 'spacingAndGlyphs' as const } : {};

interface Box {
  id: string;
  x: number;
  y: number;
  rank: number;
}

function boxesOf(graph: Graph): Map<string, Box> {
  const positions = layeredPositions(graph);
  const ys = [...new Set([...positions.values()].map((p) => p.y))].sort((a, b) => a - b);
  const rankOf = new Map(ys.map((y, i) => [y, i]));
  const minX = Math.min(...[...positions.values()].map((p) => p.x));
  // The canvas's columns are NODE_WIDTH + 60 apart; the picture's are COLUMN apart.
  const scale = COLUMN / (NODE_WIDTH + 60);
  const boxes = new Map<string, Box>();
  for (const [id, p] of positions) {
    const rank = rankOf.get(p.y)!;
    boxes.set(id, { id, x: PAD + Math.round((p.x - minX) * scale), y: PAD + rank * ROW, rank });
  }
  return boxes;
}

/** The path of a connection: straight down, or out to the right of the boxes it would cross. */
function edgePath(from: Box, to: Box, boxes: Box[]): string {
  const sx = from.x + BOX_W / 2;
  const sy = from.y + BOX_H;
  const tx = to.x + BOX_W / 2;
  const ty = to.y;
  const between = boxes.filter(
    (b) => b.rank > from.rank && b.rank < to.rank && b.x < Math.max(sx, tx) + 4 && b.x + BOX_W > Math.min(sx, tx) - 4,
  );
  if (between.length === 0) {
    const my = (sy + ty) / 2;
    return `M${sx},${sy} C${sx},${my} ${tx},${my} ${tx},${ty}`;
  }
  const side = Math.max(...between.map((b) => b.x + BOX_W)) + 12;
  const r = 8;
  return [
    `M${sx},${sy}`,
    `L${sx},${sy + 6}`,
    `L${side - r},${sy + 6}`,
    `Q${side},${sy + 6} ${side},${sy + 6 + r}`,
    `L${side},${ty - 6 - r}`,
    `Q${side},${ty - 6} ${side - r},${ty - 6}`,
    `L${tx},${ty - 6}`,
    `L${tx},${ty}`,
  ].join(' ');
}

export function NetworkPicture({ graph }: { graph: Graph }) {
  const { t } = useLang();
  if (graph.nodes.length === 0) return null;
  const boxes = boxesOf(graph);
  const all = [...boxes.values()];
  const width = Math.max(...all.map((b) => b.x + BOX_W)) + PAD + 24;
  const height = Math.max(...all.map((b) => b.y + BOX_H)) + PAD;
  return (
    <svg
      className="network-picture"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={t('print.picture')}
      data-testid="network-picture"
    >
      <defs>
        <marker
          id="network-picture-arrow"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 z" />
        </marker>
      </defs>
      {graph.edges.map((edge) => {
        const from = boxes.get(edge.source);
        const to = boxes.get(edge.target);
        if (!from || !to) return null;
        return (
          <path
            key={edge.id}
            className="network-picture__edge"
            data-edge={`${edge.source} → ${edge.target}`}
            d={edgePath(from, to, all)}
            markerEnd="url(#network-picture-arrow)"
          />
        );
      })}
      {graph.nodes.map((node) => {
        const box = boxes.get(node.id)!;
        return (
          <g key={node.id} transform={`translate(${box.x},${box.y})`}>
            <rect className="network-picture__box" width={BOX_W} height={BOX_H} rx={5} />
            <text className="network-picture__name" x={8} y={14} {...fit(node.name, 11)}>
              {node.name}
            </text>
            <text className="network-picture__type" x={8} y={28} {...fit(t(`card.${node.type}`), 10)}>
              {t(`card.${node.type}`)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
