import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcquireRequest as _keyhold_quota_v1_AcquireRequest, AcquireRequest__Output as _keyhold_quota_v1_AcquireRequest__Output } from './keyhold/quota/v1/AcquireRequest.js';
import type { AcquireResponse as _keyhold_quota_v1_AcquireResponse, AcquireResponse__Output as _keyhold_quota_v1_AcquireResponse__Output } from './keyhold/quota/v1/AcquireResponse.js';
import type { GetQuotasRequest as _keyhold_quota_v1_GetQuotasRequest, GetQuotasRequest__Output as _keyhold_quota_v1_GetQuotasRequest__Output } from './keyhold/quota/v1/GetQuotasRequest.js';
import type { GetQuotasResponse as _keyhold_quota_v1_GetQuotasResponse, GetQuotasResponse__Output as _keyhold_quota_v1_GetQuotasResponse__Output } from './keyhold/quota/v1/GetQuotasResponse.js';
import type { QuotaEntry as _keyhold_quota_v1_QuotaEntry, QuotaEntry__Output as _keyhold_quota_v1_QuotaEntry__Output } from './keyhold/quota/v1/QuotaEntry.js';
import type { QuotaLimiterClient as _keyhold_quota_v1_QuotaLimiterClient, QuotaLimiterDefinition as _keyhold_quota_v1_QuotaLimiterDefinition } from './keyhold/quota/v1/QuotaLimiter.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    quota: {
      v1: {
        AcquireRequest: MessageTypeDefinition<_keyhold_quota_v1_AcquireRequest, _keyhold_quota_v1_AcquireRequest__Output>
        AcquireResponse: MessageTypeDefinition<_keyhold_quota_v1_AcquireResponse, _keyhold_quota_v1_AcquireResponse__Output>
        GetQuotasRequest: MessageTypeDefinition<_keyhold_quota_v1_GetQuotasRequest, _keyhold_quota_v1_GetQuotasRequest__Output>
        GetQuotasResponse: MessageTypeDefinition<_keyhold_quota_v1_GetQuotasResponse, _keyhold_quota_v1_GetQuotasResponse__Output>
        QuotaEntry: MessageTypeDefinition<_keyhold_quota_v1_QuotaEntry, _keyhold_quota_v1_QuotaEntry__Output>
        QuotaLimiter: SubtypeConstructor<typeof grpc.Client, _keyhold_quota_v1_QuotaLimiterClient> & { service: _keyhold_quota_v1_QuotaLimiterDefinition }
      }
    }
  }
}

