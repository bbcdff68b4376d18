// Original file: keyhold/audit/v1/audit.proto

import type { ChainProblem as _keyhold_audit_v1_ChainProblem, ChainProblem__Output as _keyhold_audit_v1_ChainProblem__Output } from '../../../keyhold/audit/v1/ChainProblem.js';
import type { Long } from '@grpc/proto-loader';

export interface ChainReport {
  'region'?: (string);
  'ok'?: (boolean);
  'recordsChecked'?: (number | string | Long);
  'firstSequence'?: (number | string | Long);
  'lastSequence'?: (number | string | Long);
  'digestsVerified'?: (number | string | Long);
  'signingKeyIds'?: (string)[];
  'problem'?: (_keyhold_audit_v1_ChainProblem | null);
  '_problem'?: "problem";
}

export interface ChainReport__Output {
  'region': (string);
  'ok': (boolean);
  'recordsChecked': (string);
  'firstSequence': (string);
  'lastSequence': (string);
  'digestsVerified': (string);
  'signingKeyIds': (string)[];
  'problem'?: (_keyhold_audit_v1_ChainProblem__Output | null);
  '_problem'?: "problem";
}
