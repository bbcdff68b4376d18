// Original file: keyhold/crypto/v1/crypto.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DataPlaneRequest as _keyhold_crypto_v1_DataPlaneRequest, DataPlaneRequest__Output as _keyhold_crypto_v1_DataPlaneRequest__Output } from '../../../keyhold/crypto/v1/DataPlaneRequest.js';
import type { DataPlaneRequests as _keyhold_crypto_v1_DataPlaneRequests, DataPlaneRequests__Output as _keyhold_crypto_v1_DataPlaneRequests__Output } from '../../../keyhold/crypto/v1/DataPlaneRequests.js';
import type { DataPlaneResponse as _keyhold_crypto_v1_DataPlaneResponse, DataPlaneResponse__Output as _keyhold_crypto_v1_DataPlaneResponse__Output } from '../../../keyhold/crypto/v1/DataPlaneResponse.js';
import type { DataPlaneResponses as _keyhold_crypto_v1_DataPlaneResponses, DataPlaneResponses__Output as _keyhold_crypto_v1_DataPlaneResponses__Output } from '../../../keyhold/crypto/v1/DataPlaneResponses.js';

export interface CryptoDataPlaneClient extends grpc.Client {
  DataPlane(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneResponse__Output>;
  DataPlane(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneResponse__Output>;
  dataPlane(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneResponse__Output>;
  dataPlane(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneResponse__Output>;
  
  DataPlaneBatch(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneResponses__Output>;
  DataPlaneBatch(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneResponses__Output>;
  dataPlaneBatch(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneResponses__Output>;
  dataPlaneBatch(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneResponses__Output>;
  
}

export interface CryptoDataPlaneHandlers extends grpc.UntypedServiceImplementation {
  DataPlane: grpc.handleBidiStreamingCall<_keyhold_crypto_v1_DataPlaneRequest__Output, _keyhold_crypto_v1_DataPlaneResponse>;
  
  DataPlaneBatch: grpc.handleBidiStreamingCall<_keyhold_crypto_v1_DataPlaneRequests__Output, _keyhold_crypto_v1_DataPlaneResponses>;
  
}

export interface CryptoDataPlaneDefinition extends grpc.ServiceDefinition {
  DataPlane: MethodDefinition<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneResponse, _keyhold_crypto_v1_DataPlaneRequest__Output, _keyhold_crypto_v1_DataPlaneResponse__Output>
  DataPlaneBatch: MethodDefinition<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneResponses, _keyhold_crypto_v1_DataPlaneRequests__Output, _keyhold_crypto_v1_DataPlaneResponses__Output>
}
