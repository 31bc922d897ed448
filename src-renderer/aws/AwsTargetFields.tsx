// Profile and region pickers shared by the account dialogs. Profiles come from the host (names
// only); the region is free text with the usual regions offered.

import { useEffect, useId, useState, type ReactElement } from 'react';
import { getHost } from '../host/client';
import { useAwsDialog, type AwsTargetChoice } from './aws-dialog-state';
import { SuggestionList } from '../shell/SuggestionList';

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
];

export function AwsTargetFields({
  regionPlaceholder,
  disabled = false,
}: {
  /** What an empty region means, e.g. "design's region (us-east-1)". */
  regionPlaceholder: string;
  disabled?: boolean;
}): ReactElement {
  const target = useAwsDialog((state) => state.target);
  const setTarget = useAwsDialog((state) => state.setTarget);
  const [profiles, setProfiles] = useState<string[]>([]);
  const [defaultProfile, setDefaultProfile] = useState<string | undefined>();
  const listId = useId();
  useEffect(() => {
    let live = true;
    getHost()
      .awsListProfiles({})
      .then((answer) => {
        if (!live) return;
        setProfiles(answer.profiles);
        setDefaultProfile(answer.defaultProfile);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const update = (patch: Partial<AwsTargetChoice>) => setTarget({ ...target, ...patch });
  return (
    <div className="aws-target">
      <label className="field">
        <span className="field__label">Profile</span>
        <select
          className="field__input"
          value={target.profile}
          disabled={disabled}
          onChange={(event) => update({ profile: event.target.value })}
          data-testid="aws-profile"
        >
          <option value="">{`Default credentials${defaultProfile ? ` (${defaultProfile})` : ''}`}</option>
          {profiles.map((profile) => (
            <option key={profile} value={profile}>
              {profile}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Region</span>
        <input
          className="field__input"
          list={listId}
          value={target.region}
          placeholder={regionPlaceholder}
          disabled={disabled}
          spellCheck={false}
          onChange={(event) => update({ region: event.target.value.trim() })}
          data-testid="aws-region"
        />
        <SuggestionList id={listId} suggestions={REGIONS} />
      </label>
    </div>
  );
}
