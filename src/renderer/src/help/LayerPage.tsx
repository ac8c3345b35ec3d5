/**
 * "What is this layer?": one page per layer type — what it does in a sentence, a small picture of what it
 * computes, and each of its settings with what it means (the inspector's own words), in the app's language.
 * From Help (any type) or from the inspector (the selected layer's).
 */
import { LAYER_TYPES, defaultParams, type LayerType } from '@core/index.ts';
import { Modal } from '../components/Modal.tsx';
import { useLang } from '../i18n/lang-context.tsx';
import { settingGroups, wordsFor } from '../inspector/setting-words.ts';
import { useUi } from '../state/ui-store.ts';
import { LayerPicture } from './LayerPicture.tsx';

export function LayerPage() {
  const { t } = useLang();
  const type = useUi((s) => s.layerPage);
  if (!type) return null;
  const close = () => useUi.getState().set({ layerPage: null });
  // The settings a new layer of this type shows, as the inspector groups them.
  const { main: settings, more } = settingGroups(type, defaultParams(type) as Record<string, unknown>);
  return (
    <Modal title={t('layerPage.title')} onCancel={close} testId="layer-page">
      <label className="layer-page__pick">
        {t('layerPage.pick')}
        <select
          value={type}
          onChange={(e) => useUi.getState().set({ layerPage: e.target.value as LayerType })}
          data-testid="layer-page-select"
        >
          {LAYER_TYPES.map((other) => (
            <option key={other} value={other}>
              {t(`layer.${other}`)}
            </option>
          ))}
        </select>
      </label>
      <h3 data-testid="layer-page-name">{t(`layer.${type}`)}</h3>
      <p data-testid="layer-page-describe">{t(`describe.${type}`)}</p>
      <LayerPicture type={type} label={t(`describe.${type}`)} />
      {settings.length > 0 ? (
        <>
          <h4>{t('layerPage.settings')}</h4>
          <dl className="layer-page__settings" data-testid="layer-page-settings">
            {settings.map((spec) => (
              <div key={spec.key}>
                <dt>{t(wordsFor('setting', type, spec))}</dt>
                <dd>{t(wordsFor('help', type, spec))}</dd>
              </div>
            ))}
          </dl>
          {more.length > 0 && (
            <p className="muted small">
              {t('layerPage.more')} {more.map((spec) => t(wordsFor('setting', type, spec))).join(' · ')}
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t('inspector.noSettings')}</p>
      )}
      <div className="modal__actions">
        <button type="button" onClick={close} data-testid="layer-page-close">
          {t('help.close')}
        </button>
      </div>
    </Modal>
  );
}
