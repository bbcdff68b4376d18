// Original file: keyhold/authorizer/v1/authorizer.proto

import type { GrantParameters as _keyhold_authorizer_v1_GrantParameters, GrantParameters__Output as _keyhold_authorizer_v1_GrantParameters__Output } from '../../../keyhold/authorizer/v1/GrantParameters.js';
import type { OperationParameters as _keyhold_authorizer_v1_OperationParameters, OperationParameters__Output as _keyhold_authorizer_v1_OperationParameters__Output } from '../../../keyhold/authorizer/v1/OperationParameters.js';
import type { NewKey as _keyhold_authorizer_v1_NewKey, NewKey__Output as _keyhold_authorizer_v1_NewKey__Output } from '../../../keyhold/authorizer/v1/NewKey.js';
import type { Long } from '@grpc/proto-loader';

export interface AuthorizeRequest {
  'action'?: (string);
  'resourceArn'?: (string);
  'accountId'?: (string);
  'principalArn'?: (string);
  'region'?: (string);
  'minVersion'?: (number | string | Long);
  'grantIds'?: (string)[];
  'grant'?: (_keyhold_authorizer_v1_GrantParameters | null);
  'parameters'?: (_keyhold_authorizer_v1_OperationParameters | null);
  'requestTags'?: ({[key: string]: string});
  'tagKeys'?: (string)[];
  'requestAlias'?: (string);
  'newKey'?: (_keyhold_authorizer_v1_NewKey | null);
}

export interface AuthorizeRequest__Output {
  'action': (string);
  'resourceArn': (string);
  'accountId': (string);
  'principalArn': (string);
  'region': (string);
  'minVersion': (string);
  'grantIds': (string)[];
  'grant': (_keyhold_authorizer_v1_GrantParameters__Output | null);
  'parameters': (_keyhold_authorizer_v1_OperationParameters__Output | null);
  'requestTags': ({[key: string]: string});
  'tagKeys': (string)[];
  'requestAlias': (string);
  'newKey': (_keyhold_authorizer_v1_NewKey__Output | null);
}
