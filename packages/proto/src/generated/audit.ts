import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditDigest as _keyhold_audit_v1_AuditDigest, AuditDigest__Output as _keyhold_audit_v1_AuditDigest__Output } from './keyhold/audit/v1/AuditDigest.js';
import type { AuditEvent as _keyhold_audit_v1_AuditEvent, AuditEvent__Output as _keyhold_audit_v1_AuditEvent__Output } from './keyhold/audit/v1/AuditEvent.js';
import type { AuditLogClient as _keyhold_audit_v1_AuditLogClient, AuditLogDefinition as _keyhold_audit_v1_AuditLogDefinition } from './keyhold/audit/v1/AuditLog.js';
import type { AuditPublicKey as _keyhold_audit_v1_AuditPublicKey, AuditPublicKey__Output as _keyhold_audit_v1_AuditPublicKey__Output } from './keyhold/audit/v1/AuditPublicKey.js';
import type { ChainProblem as _keyhold_audit_v1_ChainProblem, ChainProblem__Output as _keyhold_audit_v1_ChainProblem__Output } from './keyhold/audit/v1/ChainProblem.js';
import type { ChainReport as _keyhold_audit_v1_ChainReport, ChainReport__Output as _keyhold_audit_v1_ChainReport__Output } from './keyhold/audit/v1/ChainReport.js';
import type { CountRequestsRequest as _keyhold_audit_v1_CountRequestsRequest, CountRequestsRequest__Output as _keyhold_audit_v1_CountRequestsRequest__Output } from './keyhold/audit/v1/CountRequestsRequest.js';
import type { CountRequestsResponse as _keyhold_audit_v1_CountRequestsResponse, CountRequestsResponse__Output as _keyhold_audit_v1_CountRequestsResponse__Output } from './keyhold/audit/v1/CountRequestsResponse.js';
import type { GetAuditPublicKeyRequest as _keyhold_audit_v1_GetAuditPublicKeyRequest, GetAuditPublicKeyRequest__Output as _keyhold_audit_v1_GetAuditPublicKeyRequest__Output } from './keyhold/audit/v1/GetAuditPublicKeyRequest.js';
import type { GetAuditPublicKeyResponse as _keyhold_audit_v1_GetAuditPublicKeyResponse, GetAuditPublicKeyResponse__Output as _keyhold_audit_v1_GetAuditPublicKeyResponse__Output } from './keyhold/audit/v1/GetAuditPublicKeyResponse.js';
import type { ListDigestsRequest as _keyhold_audit_v1_ListDigestsRequest, ListDigestsRequest__Output as _keyhold_audit_v1_ListDigestsRequest__Output } from './keyhold/audit/v1/ListDigestsRequest.js';
import type { ListDigestsResponse as _keyhold_audit_v1_ListDigestsResponse, ListDigestsResponse__Output as _keyhold_audit_v1_ListDigestsResponse__Output } from './keyhold/audit/v1/ListDigestsResponse.js';
import type { LookupEventsRequest as _keyhold_audit_v1_LookupEventsRequest, LookupEventsRequest__Output as _keyhold_audit_v1_LookupEventsRequest__Output } from './keyhold/audit/v1/LookupEventsRequest.js';
import type { LookupEventsResponse as _keyhold_audit_v1_LookupEventsResponse, LookupEventsResponse__Output as _keyhold_audit_v1_LookupEventsResponse__Output } from './keyhold/audit/v1/LookupEventsResponse.js';
import type { RequestCount as _keyhold_audit_v1_RequestCount, RequestCount__Output as _keyhold_audit_v1_RequestCount__Output } from './keyhold/audit/v1/RequestCount.js';
import type { VerifyChainRequest as _keyhold_audit_v1_VerifyChainRequest, VerifyChainRequest__Output as _keyhold_audit_v1_VerifyChainRequest__Output } from './keyhold/audit/v1/VerifyChainRequest.js';
import type { VerifyChainResponse as _keyhold_audit_v1_VerifyChainResponse, VerifyChainResponse__Output as _keyhold_audit_v1_VerifyChainResponse__Output } from './keyhold/audit/v1/VerifyChainResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    audit: {
      v1: {
        AuditDigest: MessageTypeDefinition<_keyhold_audit_v1_AuditDigest, _keyhold_audit_v1_AuditDigest__Output>
        AuditEvent: MessageTypeDefinition<_keyhold_audit_v1_AuditEvent, _keyhold_audit_v1_AuditEvent__Output>
        AuditLog: SubtypeConstructor<typeof grpc.Client, _keyhold_audit_v1_AuditLogClient> & { service: _keyhold_audit_v1_AuditLogDefinition }
        AuditPublicKey: MessageTypeDefinition<_keyhold_audit_v1_AuditPublicKey, _keyhold_audit_v1_AuditPublicKey__Output>
        ChainProblem: MessageTypeDefinition<_keyhold_audit_v1_ChainProblem, _keyhold_audit_v1_ChainProblem__Output>
        ChainReport: MessageTypeDefinition<_keyhold_audit_v1_ChainReport, _keyhold_audit_v1_ChainReport__Output>
        CountRequestsRequest: MessageTypeDefinition<_keyhold_audit_v1_CountRequestsRequest, _keyhold_audit_v1_CountRequestsRequest__Output>
        CountRequestsResponse: MessageTypeDefinition<_keyhold_audit_v1_CountRequestsResponse, _keyhold_audit_v1_CountRequestsResponse__Output>
        GetAuditPublicKeyRequest: MessageTypeDefinition<_keyhold_audit_v1_GetAuditPublicKeyRequest, _keyhold_audit_v1_GetAuditPublicKeyRequest__Output>
        GetAuditPublicKeyResponse: MessageTypeDefinition<_keyhold_audit_v1_GetAuditPublicKeyResponse, _keyhold_audit_v1_GetAuditPublicKeyResponse__Output>
        ListDigestsRequest: MessageTypeDefinition<_keyhold_audit_v1_ListDigestsRequest, _keyhold_audit_v1_ListDigestsRequest__Output>
        ListDigestsResponse: MessageTypeDefinition<_keyhold_audit_v1_ListDigestsResponse, _keyhold_audit_v1_ListDigestsResponse__Output>
        LookupEventsRequest: MessageTypeDefinition<_keyhold_audit_v1_LookupEventsRequest, _keyhold_audit_v1_LookupEventsRequest__Output>
        LookupEventsResponse: MessageTypeDefinition<_keyhold_audit_v1_LookupEventsResponse, _keyhold_audit_v1_LookupEventsResponse__Output>
        RequestCount: MessageTypeDefinition<_keyhold_audit_v1_RequestCount, _keyhold_audit_v1_RequestCount__Output>
        VerifyChainRequest: MessageTypeDefinition<_keyhold_audit_v1_VerifyChainRequest, _keyhold_audit_v1_VerifyChainRequest__Output>
        VerifyChainResponse: MessageTypeDefinition<_keyhold_audit_v1_VerifyChainResponse, _keyhold_audit_v1_VerifyChainResponse__Output>
      }
    }
  }
}

