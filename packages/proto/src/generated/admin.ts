import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AccessKeyMetadata as _keyhold_authorizer_v1_AccessKeyMetadata, AccessKeyMetadata__Output as _keyhold_authorizer_v1_AccessKeyMetadata__Output } from './keyhold/authorizer/v1/AccessKeyMetadata.js';
import type { AccessKeyRequest as _keyhold_authorizer_v1_AccessKeyRequest, AccessKeyRequest__Output as _keyhold_authorizer_v1_AccessKeyRequest__Output } from './keyhold/authorizer/v1/AccessKeyRequest.js';
import type { Account as _keyhold_authorizer_v1_Account, Account__Output as _keyhold_authorizer_v1_Account__Output } from './keyhold/authorizer/v1/Account.js';
import type { CreateAccessKeyRequest as _keyhold_authorizer_v1_CreateAccessKeyRequest, CreateAccessKeyRequest__Output as _keyhold_authorizer_v1_CreateAccessKeyRequest__Output } from './keyhold/authorizer/v1/CreateAccessKeyRequest.js';
import type { CreateAccountRequest as _keyhold_authorizer_v1_CreateAccountRequest, CreateAccountRequest__Output as _keyhold_authorizer_v1_CreateAccountRequest__Output } from './keyhold/authorizer/v1/CreateAccountRequest.js';
import type { CreatePrincipalRequest as _keyhold_authorizer_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keyhold_authorizer_v1_CreatePrincipalRequest__Output } from './keyhold/authorizer/v1/CreatePrincipalRequest.js';
import type { CreatedAccessKey as _keyhold_authorizer_v1_CreatedAccessKey, CreatedAccessKey__Output as _keyhold_authorizer_v1_CreatedAccessKey__Output } from './keyhold/authorizer/v1/CreatedAccessKey.js';
import type { DeletePrincipalRequest as _keyhold_authorizer_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keyhold_authorizer_v1_DeletePrincipalRequest__Output } from './keyhold/authorizer/v1/DeletePrincipalRequest.js';
import type { Empty as _keyhold_authorizer_v1_Empty, Empty__Output as _keyhold_authorizer_v1_Empty__Output } from './keyhold/authorizer/v1/Empty.js';
import type { IdentityAdminClient as _keyhold_authorizer_v1_IdentityAdminClient, IdentityAdminDefinition as _keyhold_authorizer_v1_IdentityAdminDefinition } from './keyhold/authorizer/v1/IdentityAdmin.js';
import type { ListAccessKeysRequest as _keyhold_authorizer_v1_ListAccessKeysRequest, ListAccessKeysRequest__Output as _keyhold_authorizer_v1_ListAccessKeysRequest__Output } from './keyhold/authorizer/v1/ListAccessKeysRequest.js';
import type { ListAccessKeysResponse as _keyhold_authorizer_v1_ListAccessKeysResponse, ListAccessKeysResponse__Output as _keyhold_authorizer_v1_ListAccessKeysResponse__Output } from './keyhold/authorizer/v1/ListAccessKeysResponse.js';
import type { ListAccountsRequest as _keyhold_authorizer_v1_ListAccountsRequest, ListAccountsRequest__Output as _keyhold_authorizer_v1_ListAccountsRequest__Output } from './keyhold/authorizer/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _keyhold_authorizer_v1_ListAccountsResponse, ListAccountsResponse__Output as _keyhold_authorizer_v1_ListAccountsResponse__Output } from './keyhold/authorizer/v1/ListAccountsResponse.js';
import type { ListPrincipalPoliciesRequest as _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, ListPrincipalPoliciesRequest__Output as _keyhold_authorizer_v1_ListPrincipalPoliciesRequest__Output } from './keyhold/authorizer/v1/ListPrincipalPoliciesRequest.js';
import type { ListPrincipalPoliciesResponse as _keyhold_authorizer_v1_ListPrincipalPoliciesResponse, ListPrincipalPoliciesResponse__Output as _keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output } from './keyhold/authorizer/v1/ListPrincipalPoliciesResponse.js';
import type { ListPrincipalsRequest as _keyhold_authorizer_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keyhold_authorizer_v1_ListPrincipalsRequest__Output } from './keyhold/authorizer/v1/ListPrincipalsRequest.js';
import type { ListPrincipalsResponse as _keyhold_authorizer_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keyhold_authorizer_v1_ListPrincipalsResponse__Output } from './keyhold/authorizer/v1/ListPrincipalsResponse.js';
import type { PrincipalInfo as _keyhold_authorizer_v1_PrincipalInfo, PrincipalInfo__Output as _keyhold_authorizer_v1_PrincipalInfo__Output } from './keyhold/authorizer/v1/PrincipalInfo.js';
import type { PrincipalPolicy as _keyhold_authorizer_v1_PrincipalPolicy, PrincipalPolicy__Output as _keyhold_authorizer_v1_PrincipalPolicy__Output } from './keyhold/authorizer/v1/PrincipalPolicy.js';
import type { PrincipalPolicyRequest as _keyhold_authorizer_v1_PrincipalPolicyRequest, PrincipalPolicyRequest__Output as _keyhold_authorizer_v1_PrincipalPolicyRequest__Output } from './keyhold/authorizer/v1/PrincipalPolicyRequest.js';
import type { PutPrincipalPolicyRequest as _keyhold_authorizer_v1_PutPrincipalPolicyRequest, PutPrincipalPolicyRequest__Output as _keyhold_authorizer_v1_PutPrincipalPolicyRequest__Output } from './keyhold/authorizer/v1/PutPrincipalPolicyRequest.js';
import type { ServicePrincipalInfo as _keyhold_authorizer_v1_ServicePrincipalInfo, ServicePrincipalInfo__Output as _keyhold_authorizer_v1_ServicePrincipalInfo__Output } from './keyhold/authorizer/v1/ServicePrincipalInfo.js';
import type { ServicePrincipalRequest as _keyhold_authorizer_v1_ServicePrincipalRequest, ServicePrincipalRequest__Output as _keyhold_authorizer_v1_ServicePrincipalRequest__Output } from './keyhold/authorizer/v1/ServicePrincipalRequest.js';
import type { UpdateAccessKeyRequest as _keyhold_authorizer_v1_UpdateAccessKeyRequest, UpdateAccessKeyRequest__Output as _keyhold_authorizer_v1_UpdateAccessKeyRequest__Output } from './keyhold/authorizer/v1/UpdateAccessKeyRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    authorizer: {
      v1: {
        AccessKeyMetadata: MessageTypeDefinition<_keyhold_authorizer_v1_AccessKeyMetadata, _keyhold_authorizer_v1_AccessKeyMetadata__Output>
        AccessKeyRequest: MessageTypeDefinition<_keyhold_authorizer_v1_AccessKeyRequest, _keyhold_authorizer_v1_AccessKeyRequest__Output>
        Account: MessageTypeDefinition<_keyhold_authorizer_v1_Account, _keyhold_authorizer_v1_Account__Output>
        CreateAccessKeyRequest: MessageTypeDefinition<_keyhold_authorizer_v1_CreateAccessKeyRequest, _keyhold_authorizer_v1_CreateAccessKeyRequest__Output>
        CreateAccountRequest: MessageTypeDefinition<_keyhold_authorizer_v1_CreateAccountRequest, _keyhold_authorizer_v1_CreateAccountRequest__Output>
        CreatePrincipalRequest: MessageTypeDefinition<_keyhold_authorizer_v1_CreatePrincipalRequest, _keyhold_authorizer_v1_CreatePrincipalRequest__Output>
        CreatedAccessKey: MessageTypeDefinition<_keyhold_authorizer_v1_CreatedAccessKey, _keyhold_authorizer_v1_CreatedAccessKey__Output>
        DeletePrincipalRequest: MessageTypeDefinition<_keyhold_authorizer_v1_DeletePrincipalRequest, _keyhold_authorizer_v1_DeletePrincipalRequest__Output>
        Empty: MessageTypeDefinition<_keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_Empty__Output>
        IdentityAdmin: SubtypeConstructor<typeof grpc.Client, _keyhold_authorizer_v1_IdentityAdminClient> & { service: _keyhold_authorizer_v1_IdentityAdminDefinition }
        ListAccessKeysRequest: MessageTypeDefinition<_keyhold_authorizer_v1_ListAccessKeysRequest, _keyhold_authorizer_v1_ListAccessKeysRequest__Output>
        ListAccessKeysResponse: MessageTypeDefinition<_keyhold_authorizer_v1_ListAccessKeysResponse, _keyhold_authorizer_v1_ListAccessKeysResponse__Output>
        ListAccountsRequest: MessageTypeDefinition<_keyhold_authorizer_v1_ListAccountsRequest, _keyhold_authorizer_v1_ListAccountsRequest__Output>
        ListAccountsResponse: MessageTypeDefinition<_keyhold_authorizer_v1_ListAccountsResponse, _keyhold_authorizer_v1_ListAccountsResponse__Output>
        ListPrincipalPoliciesRequest: MessageTypeDefinition<_keyhold_authorizer_v1_ListPrincipalPoliciesRequest, _keyhold_authorizer_v1_ListPrincipalPoliciesRequest__Output>
        ListPrincipalPoliciesResponse: MessageTypeDefinition<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse, _keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>
        ListPrincipalsRequest: MessageTypeDefinition<_keyhold_authorizer_v1_ListPrincipalsRequest, _keyhold_authorizer_v1_ListPrincipalsRequest__Output>
        ListPrincipalsResponse: MessageTypeDefinition<_keyhold_authorizer_v1_ListPrincipalsResponse, _keyhold_authorizer_v1_ListPrincipalsResponse__Output>
        PrincipalInfo: MessageTypeDefinition<_keyhold_authorizer_v1_PrincipalInfo, _keyhold_authorizer_v1_PrincipalInfo__Output>
        PrincipalPolicy: MessageTypeDefinition<_keyhold_authorizer_v1_PrincipalPolicy, _keyhold_authorizer_v1_PrincipalPolicy__Output>
        PrincipalPolicyRequest: MessageTypeDefinition<_keyhold_authorizer_v1_PrincipalPolicyRequest, _keyhold_authorizer_v1_PrincipalPolicyRequest__Output>
        PutPrincipalPolicyRequest: MessageTypeDefinition<_keyhold_authorizer_v1_PutPrincipalPolicyRequest, _keyhold_authorizer_v1_PutPrincipalPolicyRequest__Output>
        ServicePrincipalInfo: MessageTypeDefinition<_keyhold_authorizer_v1_ServicePrincipalInfo, _keyhold_authorizer_v1_ServicePrincipalInfo__Output>
        ServicePrincipalRequest: MessageTypeDefinition<_keyhold_authorizer_v1_ServicePrincipalRequest, _keyhold_authorizer_v1_ServicePrincipalRequest__Output>
        UpdateAccessKeyRequest: MessageTypeDefinition<_keyhold_authorizer_v1_UpdateAccessKeyRequest, _keyhold_authorizer_v1_UpdateAccessKeyRequest__Output>
      }
    }
  }
}

