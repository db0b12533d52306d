import { useId } from 'react';
import { uploadLimits } from '../data/validate';
import { useT } from '../state/useT';
import {
  addFiles,
  deleteUpload,
  dismissFailures,
  minimumUploads,
  useUploads,
} from '../state/uploads';
import { PixelCanvas } from '../ui/PixelCanvas';
import { photoSize } from '../data/photos';
import './uploads.css';

/** Upload your own images: picker or drop anywhere; thumbnails with remove; every refusal explained. */
export function UploadPanel() {
  const t = useT();
  const id = useId();
  const { uploads, failures, pending, persistent } = useUploads();
  return (
    <section className="uploads" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('upload.title')}</h3>
      <p className="caption">
        {t('upload.hint', {
          max: uploadLimits.maxFiles,
          megabytes: uploadLimits.maxBytes / 1024 / 1024,
          min: uploadLimits.minSide,
        })}
      </p>
      <label className="upload-button">
        {t('upload.choose')}
        <input
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif,image/bmp"
          data-testid="upload-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void addFiles(files);
          }}
        />
      </label>
      {pending > 0 ? (
        <p className="muted" data-testid="upload-busy" role="status">
          {t('upload.busy', { count: pending })}
        </p>
      ) : null}
      {!persistent ? (
        <p className="caption upload-memory" data-testid="upload-memory" role="status">
          {t('upload.memoryOnly')}
        </p>
      ) : null}
      {failures.length > 0 ? (
        <div className="upload-errors" role="alert">
          <ul data-testid="upload-error">
            {failures.flatMap(({ batch, failures: items }) =>
              items.map((f, i) => {
                const { key, ...values } = f.problem;
                return (
                  <li key={`${batch}-${i}`} data-file={f.name} data-batch={batch}>
                    <strong>{f.name}</strong>: {t(key, values)}
                  </li>
                );
              }),
            )}
          </ul>
          <button
            type="button"
            className="link-button"
            data-testid="upload-dismiss"
            onClick={dismissFailures}
          >
            {t('notice.dismiss')}
          </button>
        </div>
      ) : null}
      <ul className="upload-list" data-testid="upload-list" data-count={uploads.length}>
        {uploads.map((u) => (
          <li key={u.id} data-name={u.name}>
            <PixelCanvas
              pixels={Float32Array.from(u.rgb, (v) => v / 255)}
              size={photoSize}
              className="thumb"
              label={u.name}
            />
            <span className="upload-name" title={u.name}>
              {u.name}
            </span>
            <button
              type="button"
              className="link-button"
              aria-label={t('upload.remove', { name: u.name })}
              onClick={() => void deleteUpload(u.id)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {uploads.length < minimumUploads ? (
        <p className="caption">{t('upload.topUp', { min: minimumUploads })}</p>
      ) : null}
      <p className="caption privacy">{t('upload.privacy')}</p>
    </section>
  );
}
