// Original file: keyhold/authorizer/v1/authorizer.proto

import type { BundleGrant as _keyhold_authorizer_v1_BundleGrant, BundleGrant__Output as _keyhold_authorizer_v1_BundleGrant__Output } from '../../../keyhold/authorizer/v1/BundleGrant.js';
import type { Long } from '@grpc/proto-loader';

export interface DecisionBundle {
  'keyArn'?: (string);
  'keyAccountId'?: (string);
  'version'?: (number | string | Long);
  'keyState'?: (string);
  'keySpec'?: (string);
  'keyUsage'?: (string);
  'origin'?: (string);
  'multiRegion'?: (boolean);
  'keyPolicy'?: (string);
  'grants'?: (_keyhold_authorizer_v1_BundleGrant)[];
  'aliases'?: (string)[];
  'tags'?: ({[key: string]: string});
}

export interface DecisionBundle__Output {
  'keyArn': (string);
  'keyAccountId': (string);
  'version': (string);
  'keyState': (string);
  'keySpec': (string);
  'keyUsage': (string);
  'origin': (string);
  'multiRegion': (boolean);
  'keyPolicy': (string);
  'grants': (_keyhold_authorizer_v1_BundleGrant__Output)[];
  'aliases': (string)[];
  'tags': ({[key: string]: string});
}
