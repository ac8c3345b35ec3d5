/**
 * A network as a worksheet table, one row per layer in the network's order: its name, type and key
 * settings, then one cell per figure (output shape, parameters, receptive field) drawn by the caller —
 * the teacher's tick boxes, the student's answer boxes, or a printed sheet's blanks and answers.
 */
import { Fragment, type ReactNode } from 'react';
import { type Analysis, type Graph, type LayerFigure, type NodeAnalysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { wordedSettings } from '../inspector/setting-words.ts';

export const FIGURE_TITLES: Record<LayerFigure | 'totalParams', UiKey> = {
  outputShape: 'exercise.outputShape',
  params: 'exercise.params',
  receptiveField: 'exercise.receptiveField',
  totalParams: 'exercise.totalParams',
};

export interface FigureTableProps {
  graph: Graph;
  analysis: Analysis;
  figures: readonly LayerFigure[];
  cell: (node: NodeAnalysis, figure: LayerFigure) => ReactNode;
  /** Drawn in a column's heading, after its title (the teacher's "ask all"). */
  heading?: (figure: LayerFigure) => ReactNode;
  /** The total parameters row's cell, under the parameters; no row without it. */
  total?: ReactNode;
  /** A full-width row under a layer (a student's feedback). */
  after?: (node: NodeAnalysis) => ReactNode;
  /** Under the total row. */
  afterTotal?: ReactNode;
  testId?: string;
}

export function FigureTable(props: FigureTableProps) {
  const { t } = useLang();
  const { graph, analysis, figures, cell, heading, total, after, afterTotal } = props;
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const columns = 2 + figures.length;
  return (
    <table className="figure-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{t('exercise.layer')}</th>
          <th scope="col">{t('exercise.settings')}</th>
          {figures.map((figure) => (
            <th scope="col" key={figure}>
              <span>{t(FIGURE_TITLES[figure])}</span>
              {heading?.(figure)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {analysis.nodes.map((node) => {
          const layer = nodes.get(node.id);
          const extra = after?.(node);
          return (
            <Fragment key={node.id}>
              <tr data-testid={`sheet-row-${node.name}`}>
                <th scope="row">
                  <span className="figure-table__name">{node.name}</span>
                  <span className="figure-table__type">{t(`card.${node.type}`)}</span>
                </th>
                <td className="figure-table__settings">
                  {layer && (
                    <ul className="worded-settings">
                      {wordedSettings(layer, t).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
                {figures.map((figure) => (
                  <td key={figure} className="figure-table__figure">
                    {cell(node, figure)}
                  </td>
                ))}
              </tr>
              {extra && (
                <tr className="figure-table__after">
                  <td colSpan={columns}>{extra}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
      {total !== undefined && (
        <tfoot>
          <tr data-testid="sheet-row-total">
            <th scope="row" colSpan={2}>
              {t('exercise.totalParams')}
            </th>
            {figures.map((figure) => (
              <td key={figure} className="figure-table__figure">
                {figure === 'params' ? total : null}
              </td>
            ))}
          </tr>
          {afterTotal && (
            <tr className="figure-table__after">
              <td colSpan={columns}>{afterTotal}</td>
            </tr>
          )}
        </tfoot>
      )}
    </table>
  );
}
