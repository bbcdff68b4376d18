import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuthenticateRequest as _keyhold_authorizer_v1_AuthenticateRequest, AuthenticateRequest__Output as _keyhold_authorizer_v1_AuthenticateRequest__Output } from './keyhold/authorizer/v1/AuthenticateRequest.js';
import type { AuthenticateResponse as _keyhold_authorizer_v1_AuthenticateResponse, AuthenticateResponse__Output as _keyhold_authorizer_v1_AuthenticateResponse__Output } from './keyhold/authorizer/v1/AuthenticateResponse.js';
import type { AuthorizeRequest as _keyhold_authorizer_v1_AuthorizeRequest, AuthorizeRequest__Output as _keyhold_authorizer_v1_AuthorizeRequest__Output } from './keyhold/authorizer/v1/AuthorizeRequest.js';
import type { AuthorizeResponse as _keyhold_authorizer_v1_AuthorizeResponse, AuthorizeResponse__Output as _keyhold_authorizer_v1_AuthorizeResponse__Output } from './keyhold/authorizer/v1/AuthorizeResponse.js';
import type { AuthorizerClient as _keyhold_authorizer_v1_AuthorizerClient, AuthorizerDefinition as _keyhold_authorizer_v1_AuthorizerDefinition } from './keyhold/authorizer/v1/Authorizer.js';
import type { BundleGrant as _keyhold_authorizer_v1_BundleGrant, BundleGrant__Output as _keyhold_authorizer_v1_BundleGrant__Output } from './keyhold/authorizer/v1/BundleGrant.js';
import type { DecisionBundle as _keyhold_authorizer_v1_DecisionBundle, DecisionBundle__Output as _keyhold_authorizer_v1_DecisionBundle__Output } from './keyhold/authorizer/v1/DecisionBundle.js';
import type { EncryptionContextConstraint as _keyhold_authorizer_v1_EncryptionContextConstraint, EncryptionContextConstraint__Output as _keyhold_authorizer_v1_EncryptionContextConstraint__Output } from './keyhold/authorizer/v1/EncryptionContextConstraint.js';
import type { GetDecisionBundleRequest as _keyhold_authorizer_v1_GetDecisionBundleRequest, GetDecisionBundleRequest__Output as _keyhold_authorizer_v1_GetDecisionBundleRequest__Output } from './keyhold/authorizer/v1/GetDecisionBundleRequest.js';
import type { GetIdentityPoliciesRequest as _keyhold_authorizer_v1_GetIdentityPoliciesRequest, GetIdentityPoliciesRequest__Output as _keyhold_authorizer_v1_GetIdentityPoliciesRequest__Output } from './keyhold/authorizer/v1/GetIdentityPoliciesRequest.js';
import type { GrantParameters as _keyhold_authorizer_v1_GrantParameters, GrantParameters__Output as _keyhold_authorizer_v1_GrantParameters__Output } from './keyhold/authorizer/v1/GrantParameters.js';
import type { IdentityPolicies as _keyhold_authorizer_v1_IdentityPolicies, IdentityPolicies__Output as _keyhold_authorizer_v1_IdentityPolicies__Output } from './keyhold/authorizer/v1/IdentityPolicies.js';
import type { NewKey as _keyhold_authorizer_v1_NewKey, NewKey__Output as _keyhold_authorizer_v1_NewKey__Output } from './keyhold/authorizer/v1/NewKey.js';
import type { OperationParameters as _keyhold_authorizer_v1_OperationParameters, OperationParameters__Output as _keyhold_authorizer_v1_OperationParameters__Output } from './keyhold/authorizer/v1/OperationParameters.js';
import type { Principal as _keyhold_authorizer_v1_Principal, Principal__Output as _keyhold_authorizer_v1_Principal__Output } from './keyhold/authorizer/v1/Principal.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    authorizer: {
      v1: {
        AuthenticateRequest: MessageTypeDefinition<_keyhold_authorizer_v1_AuthenticateRequest, _keyhold_authorizer_v1_AuthenticateRequest__Output>
        AuthenticateResponse: MessageTypeDefinition<_keyhold_authorizer_v1_AuthenticateResponse, _keyhold_authorizer_v1_AuthenticateResponse__Output>
        AuthorizeRequest: MessageTypeDefinition<_keyhold_authorizer_v1_AuthorizeRequest, _keyhold_authorizer_v1_AuthorizeRequest__Output>
        AuthorizeResponse: MessageTypeDefinition<_keyhold_authorizer_v1_AuthorizeResponse, _keyhold_authorizer_v1_AuthorizeResponse__Output>
        Authorizer: SubtypeConstructor<typeof grpc.Client, _keyhold_authorizer_v1_AuthorizerClient> & { service: _keyhold_authorizer_v1_AuthorizerDefinition }
        BundleGrant: MessageTypeDefinition<_keyhold_authorizer_v1_BundleGrant, _keyhold_authorizer_v1_BundleGrant__Output>
        DecisionBundle: MessageTypeDefinition<_keyhold_authorizer_v1_DecisionBundle, _keyhold_authorizer_v1_DecisionBundle__Output>
        EncryptionContextConstraint: MessageTypeDefinition<_keyhold_authorizer_v1_EncryptionContextConstraint, _keyhold_authorizer_v1_EncryptionContextConstraint__Output>
        GetDecisionBundleRequest: MessageTypeDefinition<_keyhold_authorizer_v1_GetDecisionBundleRequest, _keyhold_authorizer_v1_GetDecisionBundleRequest__Output>
        GetIdentityPoliciesRequest: MessageTypeDefinition<_keyhold_authorizer_v1_GetIdentityPoliciesRequest, _keyhold_authorizer_v1_GetIdentityPoliciesRequest__Output>
        GrantParameters: MessageTypeDefinition<_keyhold_authorizer_v1_GrantParameters, _keyhold_authorizer_v1_GrantParameters__Output>
        IdentityPolicies: MessageTypeDefinition<_keyhold_authorizer_v1_IdentityPolicies, _keyhold_authorizer_v1_IdentityPolicies__Output>
        NewKey: MessageTypeDefinition<_keyhold_authorizer_v1_NewKey, _keyhold_authorizer_v1_NewKey__Output>
        OperationParameters: MessageTypeDefinition<_keyhold_authorizer_v1_OperationParameters, _keyhold_authorizer_v1_OperationParameters__Output>
        Principal: MessageTypeDefinition<_keyhold_authorizer_v1_Principal, _keyhold_authorizer_v1_Principal__Output>
      }
    }
  }
}

