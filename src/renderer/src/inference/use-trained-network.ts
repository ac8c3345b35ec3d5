/**
 * The trained network of a finished run, loaded once and released when no longer shown. Key the component
 * by run id: a new run is a new component.
 */
import { useEffect, useState } from 'react';
import type { PixelRange } from '@core/index.ts';
import { api } from '../api/api.ts';
import { TrainedNetwork } from './trained-network.ts';

export type NetworkState =
  | { status: 'loading' }
  | { status: 'ready'; network: TrainedNetwork }
  /** The run's model is not on this computer (trained elsewhere, or its folder was removed). */
  | { status: 'missing' }
  | { status: 'failed' };

/** `pixelRange`: the range the run trained with (its settings'). */
export function useTrainedNetwork(runId: string, pixelRange: PixelRange): NetworkState {
  const [state, setState] = useState<NetworkState>({ status: 'loading' });
  useEffect(() => {
    let network: TrainedNetwork | null = null;
    let cancelled = false;
    void (async () => {
      const result = await api['train.model']({ runId });
      if (cancelled) return;
      if (!result.ok || !result.value) return setState({ status: result.ok ? 'missing' : 'failed' });
      try {
        const loaded = await TrainedNetwork.load(result.value, pixelRange);
        if (cancelled) return loaded.dispose();
        network = loaded;
        setState({ status: 'ready', network: loaded });
      } catch {
        if (!cancelled) setState({ status: 'failed' });
      }
    })();
    return () => {
      cancelled = true;
      network?.dispose();
    };
  }, [runId, pixelRange]);
  return state;
}
