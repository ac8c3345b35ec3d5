/**
 * A finished run's network put to use: draw a digit on the pad (for 28 × 28 × 1 inputs), pick a test
 * image or upload one, and see the class probabilities live, then look inside the network at that image.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  analyse,
  base64ToBytes,
  fromRgba,
  lightBackground,
  type RunRecord,
  type SampleImage as Sample,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { TrainedNetwork } from '../inference/trained-network.ts';
import { useTrainedNetwork } from '../inference/use-trained-network.ts';
import { useEditor } from '../state/editor-store.ts';
import { useExercise } from '../state/exercise-store.ts';
import { DrawingPad } from './DrawingPad.tsx';
import { InsideNetwork } from './InsideNetwork.tsx';
import { ProbabilityChart } from './ProbabilityChart.tsx';
import { PixelImage, SampleImage } from './SampleImage.tsx';

type Shape = [number, number, number];

/** An image file as bytes of the Input's shape; single-channel images made white-on-black like MNIST's. */
async function readImageFile(file: File, [h, w, c]: Shape): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const pixels = fromRgba(new Uint8Array(context.getImageData(0, 0, w, h).data.buffer), w, h, c === 3 ? 3 : 1);
  if (c === 1 && lightBackground({ pixels, width: w, height: h })) return pixels.map((v) => 255 - v);
  return pixels;
}

function Picker({ images, shape, onPick }: { images: Sample[]; shape: Shape; onPick(pixels: Uint8Array): void }) {
  const { t } = useLang();
  if (images.length === 0) return null;
  return (
    <div className="try__pick">
      <p className="muted small">{t('try.pick')}</p>
      <div className="try__pick-grid" data-testid="try-pick">
        {images.map((image) => (
          <button
            type="button"
            key={`${image.index}-${image.predicted}`}
            className="try__pick-button"
            data-predicted={image.predicted ?? undefined}
            onClick={() => onPick(base64ToBytes(image.pixels))}
          >
            <SampleImage pixels={image.pixels} shape={shape} size={36} title={`#${image.index}`} />
          </button>
        ))}
      </div>
    </div>
  );
}

function Tryout({ network, classes, images }: { network: TrainedNetwork; classes: string[]; images: Sample[] }) {
  const { t, tf } = useLang();
  const shape = network.inputShape;
  const [input, setInput] = useState<Uint8Array | null>(null);
  const [uploadFailed, setUploadFailed] = useState(false);
  const drawable = shape[0] === 28 && shape[1] === 28 && shape[2] === 1;
  const uploadable = shape[2] === 1 || shape[2] === 3;
  const reading = useMemo(() => (input ? network.read(input) : null), [network, input]);
  const probabilities = reading?.probabilities ?? null;
  const layers = reading?.layers ?? null;
  const kernel = useMemo(() => network.firstConvKernel(), [network]);
  const onDraw = useCallback((pixels: Uint8Array | null) => setInput(pixels), []);
  // Receptive fields come from the drawn network; a student's exercise may ask for them, so none there.
  const graph = useEditor((s) => s.history.present.graph);
  const student = useExercise((s) => s.student);
  const fieldAnalysis = useMemo(() => (student ? null : analyse(graph)), [graph, student]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      setInput(await readImageFile(file, shape));
      setUploadFailed(false);
    } catch {
      setUploadFailed(true);
    }
  };

  return (
    <>
      <TrySection>
        <p className="muted">{t('try.intro')}</p>
        <div className="try__row">
          <div className="try__input">
            {/* The image going in, in sight while the maps beside it scroll (where there is room). */}
            <div className="try__stage">
              {drawable && <DrawingPad onChange={onDraw} />}
              {input && (
                <figure className="try__sees">
                  <figcaption className="muted small">{tf('try.sees', { shape: shape.join(' × ') })}</figcaption>
                  <PixelImage bytes={input} shape={shape} size={84} />
                </figure>
              )}
            </div>
            {uploadable && (
              <label className="button try__upload">
                {t('try.upload')}
                <input
                  type="file"
                  accept="image/*"
                  className="visually-hidden"
                  data-testid="try-upload"
                  onChange={(e) => void upload(e.target.files?.[0])}
                />
              </label>
            )}
            {uploadFailed && (
              <p className="notice notice--error" role="alert">
                {t('try.uploadFailed')}
              </p>
            )}
            <Picker images={images} shape={shape} onPick={setInput} />
          </div>
          <div className="try__answer">
            {probabilities ? (
              <ProbabilityChart probabilities={probabilities} classes={classes} />
            ) : (
              <p className="muted">{t('try.empty')}</p>
            )}
            {/* Beside the pad, so that drawing changes the feature maps in view. */}
            {layers && input && (
              <InsideNetwork
                layers={layers}
                kernel={kernel}
                image={{ bytes: input, shape }}
                analysis={fieldAnalysis}
                convolution={{
                  weightsOf: (name) => network.convWeights(name),
                  denseWeightsOf: (name) => network.denseWeights(name),
                  imageValues: network.inputValues(input),
                }}
              />
            )}
          </div>
        </div>
      </TrySection>
    </>
  );
}

function TrySection({ children }: { children: React.ReactNode }) {
  const { t } = useLang();
  return (
    <section className="panel try" aria-labelledby="try-title" data-testid="try-network">
      <h2 id="try-title">{t('try.title')}</h2>
      {children}
    </section>
  );
}

export function TryNetwork({ record, images }: { record: RunRecord; images: Sample[] }) {
  const { t } = useLang();
  const state = useTrainedNetwork(record.id, record.settings.pixelRange);
  if (state.status === 'ready')
    return (
      <Tryout
        network={state.network}
        classes={record.dataset?.classes ?? record.imported?.labels ?? []}
        images={images}
      />
    );
  return (
    <TrySection>
      {state.status === 'loading' && <p className="muted">{t('try.loading')}</p>}
      {state.status === 'missing' && <p className="notice">{t('try.missing')}</p>}
      {state.status === 'failed' && <p className="notice notice--error">{t('try.failed')}</p>}
    </TrySection>
  );
}
