// Original file: keyhold/keymanager/v1/keymanager.proto

import type { TimelineEntry as _keyhold_keymanager_v1_TimelineEntry, TimelineEntry__Output as _keyhold_keymanager_v1_TimelineEntry__Output } from '../../../keyhold/keymanager/v1/TimelineEntry.js';

export interface GetKeyTimelineResponse {
  'stateJson'?: (string);
  'events'?: (_keyhold_keymanager_v1_TimelineEntry)[];
  'version'?: (number);
}

export interface GetKeyTimelineResponse__Output {
  'stateJson': (string);
  'events': (_keyhold_keymanager_v1_TimelineEntry__Output)[];
  'version': (number);
}
