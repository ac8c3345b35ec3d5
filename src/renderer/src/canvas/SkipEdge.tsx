/**
 * A connection that skips layers of its column (a residual shortcut), drawn as a curve to the right of the
 * layers it passes — wherever the layout put them — with its shape label on the curve's outermost point,
 * clear of the cards and of the other connections' labels.
 */
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';

export type SkipFlowEdge = Edge<{ skippedRight: number }, 'skip'>;

/** Room between the skipped cards' right edge and the curve: half a label and a gap. */
const CLEARANCE = 64;
/**
 * How far below its source the curve is out beside the column (and above its target it turns back): less
 * than the 44 px between one card and the next, so it clears the card below its source.
 */
const TURN = 36;

export function SkipEdge(props: EdgeProps<SkipFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, label, markerEnd, style, selected, data } = props;
  const side = (data?.skippedRight ?? Math.max(sourceX, targetX)) + CLEARANCE;
  const path = [
    `M ${sourceX} ${sourceY}`,
    `C ${sourceX} ${sourceY + TURN}, ${side} ${sourceY}, ${side} ${sourceY + TURN}`,
    `L ${side} ${targetY - TURN}`,
    `C ${side} ${targetY}, ${targetX} ${targetY - TURN}, ${targetX} ${targetY}`,
  ].join(' ');
  const [x, y] = [side, (sourceY + targetY) / 2];
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} className={selected ? 'selected' : undefined} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className="skip-edge__label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
            data-testid="skip-edge-label"
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
