// Original file: keyhold/authorizer/v1/authorizer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthenticateRequest as _keyhold_authorizer_v1_AuthenticateRequest, AuthenticateRequest__Output as _keyhold_authorizer_v1_AuthenticateRequest__Output } from '../../../keyhold/authorizer/v1/AuthenticateRequest.js';
import type { AuthenticateResponse as _keyhold_authorizer_v1_AuthenticateResponse, AuthenticateResponse__Output as _keyhold_authorizer_v1_AuthenticateResponse__Output } from '../../../keyhold/authorizer/v1/AuthenticateResponse.js';
import type { AuthorizeRequest as _keyhold_authorizer_v1_AuthorizeRequest, AuthorizeRequest__Output as _keyhold_authorizer_v1_AuthorizeRequest__Output } from '../../../keyhold/authorizer/v1/AuthorizeRequest.js';
import type { AuthorizeResponse as _keyhold_authorizer_v1_AuthorizeResponse, AuthorizeResponse__Output as _keyhold_authorizer_v1_AuthorizeResponse__Output } from '../../../keyhold/authorizer/v1/AuthorizeResponse.js';
import type { DecisionBundle as _keyhold_authorizer_v1_DecisionBundle, DecisionBundle__Output as _keyhold_authorizer_v1_DecisionBundle__Output } from '../../../keyhold/authorizer/v1/DecisionBundle.js';
import type { GetDecisionBundleRequest as _keyhold_authorizer_v1_GetDecisionBundleRequest, GetDecisionBundleRequest__Output as _keyhold_authorizer_v1_GetDecisionBundleRequest__Output } from '../../../keyhold/authorizer/v1/GetDecisionBundleRequest.js';
import type { GetIdentityPoliciesRequest as _keyhold_authorizer_v1_GetIdentityPoliciesRequest, GetIdentityPoliciesRequest__Output as _keyhold_authorizer_v1_GetIdentityPoliciesRequest__Output } from '../../../keyhold/authorizer/v1/GetIdentityPoliciesRequest.js';
import type { IdentityPolicies as _keyhold_authorizer_v1_IdentityPolicies, IdentityPolicies__Output as _keyhold_authorizer_v1_IdentityPolicies__Output } from '../../../keyhold/authorizer/v1/IdentityPolicies.js';

export interface AuthorizerClient extends grpc.Client {
  Authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _keyhold_authorizer_v1_AuthenticateRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  
  Authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keyhold_authorizer_v1_AuthorizeRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  
  GetDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  GetDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  GetDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  GetDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  getDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  getDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  getDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  getDecisionBundle(argument: _keyhold_authorizer_v1_GetDecisionBundleRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_DecisionBundle__Output>): grpc.ClientUnaryCall;
  
  GetIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  GetIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  GetIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  GetIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  getIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  getIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  getIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  getIdentityPolicies(argument: _keyhold_authorizer_v1_GetIdentityPoliciesRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_IdentityPolicies__Output>): grpc.ClientUnaryCall;
  
}

export interface AuthorizerHandlers extends grpc.UntypedServiceImplementation {
  Authenticate: grpc.handleUnaryCall<_keyhold_authorizer_v1_AuthenticateRequest__Output, _keyhold_authorizer_v1_AuthenticateResponse>;
  
  Authorize: grpc.handleUnaryCall<_keyhold_authorizer_v1_AuthorizeRequest__Output, _keyhold_authorizer_v1_AuthorizeResponse>;
  
  GetDecisionBundle: grpc.handleUnaryCall<_keyhold_authorizer_v1_GetDecisionBundleRequest__Output, _keyhold_authorizer_v1_DecisionBundle>;
  
  GetIdentityPolicies: grpc.handleUnaryCall<_keyhold_authorizer_v1_GetIdentityPoliciesRequest__Output, _keyhold_authorizer_v1_IdentityPolicies>;
  
}

export interface AuthorizerDefinition extends grpc.ServiceDefinition {
  Authenticate: MethodDefinition<_keyhold_authorizer_v1_AuthenticateRequest, _keyhold_authorizer_v1_AuthenticateResponse, _keyhold_authorizer_v1_AuthenticateRequest__Output, _keyhold_authorizer_v1_AuthenticateResponse__Output>
  Authorize: MethodDefinition<_keyhold_authorizer_v1_AuthorizeRequest, _keyhold_authorizer_v1_AuthorizeResponse, _keyhold_authorizer_v1_AuthorizeRequest__Output, _keyhold_authorizer_v1_AuthorizeResponse__Output>
  GetDecisionBundle: MethodDefinition<_keyhold_authorizer_v1_GetDecisionBundleRequest, _keyhold_authorizer_v1_DecisionBundle, _keyhold_authorizer_v1_GetDecisionBundleRequest__Output, _keyhold_authorizer_v1_DecisionBundle__Output>
  GetIdentityPolicies: MethodDefinition<_keyhold_authorizer_v1_GetIdentityPoliciesRequest, _keyhold_authorizer_v1_IdentityPolicies, _keyhold_authorizer_v1_GetIdentityPoliciesRequest__Output, _keyhold_authorizer_v1_IdentityPolicies__Output>
}
