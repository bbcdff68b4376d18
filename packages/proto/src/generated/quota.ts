import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcquireRequest as _keyhold_quota_v1_AcquireRequest, AcquireRequest__Output as _keyhold_quota_v1_AcquireRequest__Output } from './keyhold/quota/v1/AcquireRequest.js';
import type { AcquireResponse as _keyhold_quota_v1_AcquireResponse, AcquireResponse__Output as _keyhold_quota_v1_AcquireResponse__Output } from './keyhold/quota/v1/AcquireResponse.js';
import type { DeleteQuotaOverrideRequest as _keyhold_quota_v1_DeleteQuotaOverrideRequest, DeleteQuotaOverrideRequest__Output as _keyhold_quota_v1_DeleteQuotaOverrideRequest__Output } from './keyhold/quota/v1/DeleteQuotaOverrideRequest.js';
import type { DeleteQuotaOverrideResponse as _keyhold_quota_v1_DeleteQuotaOverrideResponse, DeleteQuotaOverrideResponse__Output as _keyhold_quota_v1_DeleteQuotaOverrideResponse__Output } from './keyhold/quota/v1/DeleteQuotaOverrideResponse.js';
import type { GetQuotasRequest as _keyhold_quota_v1_GetQuotasRequest, GetQuotasRequest__Output as _keyhold_quota_v1_GetQuotasRequest__Output } from './keyhold/quota/v1/GetQuotasRequest.js';
import type { GetQuotasResponse as _keyhold_quota_v1_GetQuotasResponse, GetQuotasResponse__Output as _keyhold_quota_v1_GetQuotasResponse__Output } from './keyhold/quota/v1/GetQuotasResponse.js';
import type { ListQuotaOverridesRequest as _keyhold_quota_v1_ListQuotaOverridesRequest, ListQuotaOverridesRequest__Output as _keyhold_quota_v1_ListQuotaOverridesRequest__Output } from './keyhold/quota/v1/ListQuotaOverridesRequest.js';
import type { ListQuotaOverridesResponse as _keyhold_quota_v1_ListQuotaOverridesResponse, ListQuotaOverridesResponse__Output as _keyhold_quota_v1_ListQuotaOverridesResponse__Output } from './keyhold/quota/v1/ListQuotaOverridesResponse.js';
import type { QuotaEntry as _keyhold_quota_v1_QuotaEntry, QuotaEntry__Output as _keyhold_quota_v1_QuotaEntry__Output } from './keyhold/quota/v1/QuotaEntry.js';
import type { QuotaLimiterClient as _keyhold_quota_v1_QuotaLimiterClient, QuotaLimiterDefinition as _keyhold_quota_v1_QuotaLimiterDefinition } from './keyhold/quota/v1/QuotaLimiter.js';
import type { QuotaOverride as _keyhold_quota_v1_QuotaOverride, QuotaOverride__Output as _keyhold_quota_v1_QuotaOverride__Output } from './keyhold/quota/v1/QuotaOverride.js';
import type { QuotaScope as _keyhold_quota_v1_QuotaScope, QuotaScope__Output as _keyhold_quota_v1_QuotaScope__Output } from './keyhold/quota/v1/QuotaScope.js';
import type { ReleaseRequest as _keyhold_quota_v1_ReleaseRequest, ReleaseRequest__Output as _keyhold_quota_v1_ReleaseRequest__Output } from './keyhold/quota/v1/ReleaseRequest.js';
import type { ReleaseResponse as _keyhold_quota_v1_ReleaseResponse, ReleaseResponse__Output as _keyhold_quota_v1_ReleaseResponse__Output } from './keyhold/quota/v1/ReleaseResponse.js';
import type { SetQuotaRequest as _keyhold_quota_v1_SetQuotaRequest, SetQuotaRequest__Output as _keyhold_quota_v1_SetQuotaRequest__Output } from './keyhold/quota/v1/SetQuotaRequest.js';
import type { SetQuotaResponse as _keyhold_quota_v1_SetQuotaResponse, SetQuotaResponse__Output as _keyhold_quota_v1_SetQuotaResponse__Output } from './keyhold/quota/v1/SetQuotaResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    quota: {
      v1: {
        AcquireRequest: MessageTypeDefinition<_keyhold_quota_v1_AcquireRequest, _keyhold_quota_v1_AcquireRequest__Output>
        AcquireResponse: MessageTypeDefinition<_keyhold_quota_v1_AcquireResponse, _keyhold_quota_v1_AcquireResponse__Output>
        DeleteQuotaOverrideRequest: MessageTypeDefinition<_keyhold_quota_v1_DeleteQuotaOverrideRequest, _keyhold_quota_v1_DeleteQuotaOverrideRequest__Output>
        DeleteQuotaOverrideResponse: MessageTypeDefinition<_keyhold_quota_v1_DeleteQuotaOverrideResponse, _keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>
        GetQuotasRequest: MessageTypeDefinition<_keyhold_quota_v1_GetQuotasRequest, _keyhold_quota_v1_GetQuotasRequest__Output>
        GetQuotasResponse: MessageTypeDefinition<_keyhold_quota_v1_GetQuotasResponse, _keyhold_quota_v1_GetQuotasResponse__Output>
        ListQuotaOverridesRequest: MessageTypeDefinition<_keyhold_quota_v1_ListQuotaOverridesRequest, _keyhold_quota_v1_ListQuotaOverridesRequest__Output>
        ListQuotaOverridesResponse: MessageTypeDefinition<_keyhold_quota_v1_ListQuotaOverridesResponse, _keyhold_quota_v1_ListQuotaOverridesResponse__Output>
        QuotaEntry: MessageTypeDefinition<_keyhold_quota_v1_QuotaEntry, _keyhold_quota_v1_QuotaEntry__Output>
        QuotaLimiter: SubtypeConstructor<typeof grpc.Client, _keyhold_quota_v1_QuotaLimiterClient> & { service: _keyhold_quota_v1_QuotaLimiterDefinition }
        QuotaOverride: MessageTypeDefinition<_keyhold_quota_v1_QuotaOverride, _keyhold_quota_v1_QuotaOverride__Output>
        QuotaScope: MessageTypeDefinition<_keyhold_quota_v1_QuotaScope, _keyhold_quota_v1_QuotaScope__Output>
        ReleaseRequest: MessageTypeDefinition<_keyhold_quota_v1_ReleaseRequest, _keyhold_quota_v1_ReleaseRequest__Output>
        ReleaseResponse: MessageTypeDefinition<_keyhold_quota_v1_ReleaseResponse, _keyhold_quota_v1_ReleaseResponse__Output>
        SetQuotaRequest: MessageTypeDefinition<_keyhold_quota_v1_SetQuotaRequest, _keyhold_quota_v1_SetQuotaRequest__Output>
        SetQuotaResponse: MessageTypeDefinition<_keyhold_quota_v1_SetQuotaResponse, _keyhold_quota_v1_SetQuotaResponse__Output>
      }
    }
  }
}

