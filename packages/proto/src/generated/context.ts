import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { RequestContext as _keyhold_common_v1_RequestContext, RequestContext__Output as _keyhold_common_v1_RequestContext__Output } from './keyhold/common/v1/RequestContext.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    common: {
      v1: {
        RequestContext: MessageTypeDefinition<_keyhold_common_v1_RequestContext, _keyhold_common_v1_RequestContext__Output>
      }
    }
  }
}

