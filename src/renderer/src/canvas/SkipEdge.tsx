/**
 * A connection that skips layers of its column (a residual shortcut), drawn as a curve to the right of
 * the layers it passes, with its shape label on the curve, so that it is never hidden behind them.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';

/** How far right the control points lie: the curve clears the column by 0.75 × 190 − NODE_WIDTH / 2 ≈ 22 px. */
const SWING = 190;

export function SkipEdge({ id, sourceX, sourceY, targetX, targetY, label, markerEnd, style, selected }: EdgeProps) {
  const path = `M ${sourceX} ${sourceY} C ${sourceX + SWING} ${sourceY + 60}, ${targetX + SWING} ${targetY - 60}, ${targetX} ${targetY}`;
  // The middle of the curve: three quarters of the swing out, half-way down.
  const [x, y] = [(sourceX + targetX) / 2 + SWING * 0.75, (sourceY + targetY) / 2];
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
