import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../shared/domain/mention';
import { timeZones } from './choices';
import { SelectField } from './SelectField';

/** The channel a table's records came from and the zone for times written without one: the preview and a retry ask both. */
export function MappingFields(props: {
  channel: Channel;
  timeZone: string;
  onChannel(channel: Channel): void;
  onTimeZone(timeZone: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('importer.preview.channel')}
        value={props.channel}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        onChange={props.onChannel}
      />
      <SelectField
        label={t('importer.preview.timeZone')}
        value={props.timeZone}
        options={timeZones().map((zone) => ({ value: zone, label: zone }))}
        onChange={props.onTimeZone}
      />
    </>
  );
}
