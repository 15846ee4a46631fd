import { Copy } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transportKind } from '../../api/client';
import { Modal } from '../../components/Modal';

/** The address is shown this once: the engine keeps only a hash of the token. */
export function WebhookAddress({ name, token, onClose }: { name: string; token: string; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const served = transportKind() === 'http';
  const address = served ? `${window.location.origin}/ingest/${token}` : `/ingest/${token}`;
  const copy = () => {
    void navigator.clipboard
      ?.writeText(address)
      .then(() => setCopied(true))
      .catch(() => document.getElementById(id)?.focus());
  };
  return (
    <Modal title={t('sources.webhook.title', { name })} onClose={onClose}>
      <p>{t('sources.webhook.body')}</p>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('sources.webhook.address')}
        </label>
        <div className="field__row">
          <input id={id} className="input input--code" readOnly value={address} onFocus={(e) => e.target.select()} />
          <button type="button" className="button" onClick={copy}>
            <Copy aria-hidden="true" size={14} />
            {copied ? t('sources.webhook.copied') : t('sources.webhook.copy')}
          </button>
        </div>
        {!served && <p className="field__help">{t('sources.webhook.notServed')}</p>}
      </div>
      <p className="field__help">{t('sources.webhook.example')}</p>
      <pre className="code-sample">{`{ "mentions": [ { "id": "42", "text": "…", "author": "@handle", "created_at": "2026-11-02T09:30:00Z", "url": "https://…" } ] }`}</pre>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('sources.webhook.done')}
        </button>
      </div>
    </Modal>
  );
}
