import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../apollo/error-codes';
import { fieldId } from '../form/validate';
import type { ImageDraft } from './draft';
import type { SectionProps } from './section-props';
import { uploadImage } from './upload';

const MAX_IMAGES = 8;

interface UploadProblem {
  fileName: string;
  code: ErrorCode;
}

export function ImagesSection({ draft, update, onUploading }: SectionProps & { onUploading: (busy: boolean) => void }) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  async function addFiles(files: FileList | null): Promise<void> {
    if (!files || files.length === 0) return;
    const room = MAX_IMAGES - draft.images.length;
    const chosen = [...files].slice(0, Math.max(0, room));
    setProblems([]);
    setUploading(chosen.length);
    onUploading(true);
    const failed: UploadProblem[] = [];
    for (const file of chosen) {
      const result = await uploadImage(file);
      if (result.ok) {
        const image: ImageDraft = { id: result.id, url: result.url };
        // Uploads land one by one while the person keeps editing; append to the latest draft.
        update((latest) => ({ images: [...latest.images, image] }));
      } else {
        failed.push({ fileName: file.name, code: result.code });
      }
      setUploading((n) => n - 1);
    }
    setProblems(failed);
    onUploading(false);
    if (picker.current) picker.current.value = '';
  }

  const move = (index: number) => {
    const list = [...draft.images];
    const [image] = list.splice(index, 1);
    if (image) update({ images: [image, ...list] });
  };
  const remove = (index: number) => update({ images: draft.images.filter((_, i) => i !== index) });

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('productForm.sections.images')}</legend>
      {draft.images.length > 0 && (
        <ul className="thumb-grid">
          {draft.images.map((image, i) => (
            <li key={image.id} className="thumb-item">
              <img src={image.url} alt={t('productForm.imageNumber', { number: i + 1 })} loading="lazy" />
              {i === 0 && <span className="badge thumb-cover">{t('productForm.cover')}</span>}
              <div className="thumb-actions">
                {i > 0 && (
                  <button type="button" className="link-button" onClick={() => move(i)}>
                    {t('productForm.makeCover')}
                  </button>
                )}
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() => remove(i)}
                  aria-label={t('productForm.removeImage', { number: i + 1 })}
                >
                  {t('common.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {uploading > 0 && (
        <p className="muted" role="status">
          <span className="spinner spinner-inline" aria-hidden="true" /> {t('productForm.uploading', { count: uploading })}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="notice notice-error" role="alert">
          {problems.map((p) => (
            <li key={p.fileName}>
              {p.fileName}: {t(`errors.${p.code}`)}
            </li>
          ))}
        </ul>
      )}
      {draft.images.length < MAX_IMAGES && (
        <label className="button button-secondary file-button">
          <input
            ref={picker}
            id={fieldId('imageUploadIds')}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={uploading > 0}
            onChange={(e) => void addFiles(e.target.files)}
          />
          + {t('productForm.addImages')}
        </label>
      )}
      <p className="hint">{t('productForm.imagesHint', { max: MAX_IMAGES })}</p>
    </fieldset>
  );
}
