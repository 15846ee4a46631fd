import { Plus, Save, Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANEL_KINDS, newPanelId, type Dashboard, type PanelKind } from './dashboards';

interface DashboardBarProps {
  current: Dashboard;
  saved: Dashboard[];
  onOpen(name: string): void;
  onSaveAs(name: string): void;
  onRemove(name: string): void;
  onAddPanel(panel: { id: string; kind: PanelKind; wide: boolean }): void;
}

/** Choose, save and remove named dashboards, and add panels to the one on screen. */
export function DashboardBar({ current, saved, onOpen, onSaveAs, onRemove, onAddPanel }: DashboardBarProps) {
  const { t } = useTranslation();
  const pickId = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(current.name);
  const isSaved = saved.some((dashboard) => dashboard.name === current.name);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    onSaveAs(trimmed);
    setNaming(false);
  };

  return (
    <div className="dashboard-bar">
      <div className="trends-field">
        <label htmlFor={pickId}>{t('trends.dashboards.label')}</label>
        <select
          id={pickId}
          className="select"
          value={isSaved ? current.name : ''}
          onChange={(event) => onOpen(event.target.value)}
        >
          {!isSaved && <option value="">{current.name}</option>}
          {saved.map((dashboard) => (
            <option key={dashboard.name} value={dashboard.name}>
              {dashboard.name}
            </option>
          ))}
        </select>
      </div>
      {naming ? (
        <form className="dashboard-bar__form" onSubmit={save}>
          <label className="trends-field">
            <span>{t('trends.dashboards.name')}</span>
            <input
              className="input"
              value={name}
              maxLength={80}
              required
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--small button--primary">
            {t('trends.dashboards.save')}
          </button>
          <button type="button" className="button button--small" onClick={() => setNaming(false)}>
            {t('trends.dashboards.cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setName(current.name);
            setNaming(true);
          }}
        >
          <Save aria-hidden="true" size={14} />
          {t('trends.dashboards.saveAs')}
        </button>
      )}
      {isSaved && saved.length > 1 && (
        <button
          type="button"
          className="button button--small button--quiet-danger"
          onClick={() => onRemove(current.name)}
        >
          <Trash2 aria-hidden="true" size={14} />
          {t('trends.dashboards.remove')}
        </button>
      )}
      <div className="trends-field">
        <Plus aria-hidden="true" size={14} />
        <select
          aria-label={t('trends.dashboards.addPanel')}
          className="select"
          value=""
          onChange={(event) => {
            const kind = event.target.value as PanelKind;
            if (PANEL_KINDS.includes(kind)) onAddPanel({ id: newPanelId(kind), kind, wide: false });
          }}
        >
          <option value="">{t('trends.dashboards.addPanel')}</option>
          {PANEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`trends.panels.${kind}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
