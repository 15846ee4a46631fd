import { FileUp } from 'lucide-react';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The first step: a file chosen with the keyboard (a real file input) or dropped on the area. */
export function FilePicker({ onPick, error }: { onPick(file: File): void; error?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onPick(file);
  };

  return (
    <div
      className={`file-picker${dragging ? ' file-picker--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="state-message__icon" aria-hidden="true">
        <FileUp size={28} strokeWidth={1.75} />
      </div>
      <h2 className="state-message__title">{t('importer.pick.title')}</h2>
      <p className="state-message__body">{t('importer.pick.body')}</p>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = '';
        }}
      />
      <label htmlFor={id} className="button button--primary file-picker__button">
        {t('importer.pick.choose')}
      </label>
      <p className="state-message__hint">{t('importer.pick.drop')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
