// Original file: keyhold/authorizer/v1/admin.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AccessKeyMetadata as _keyhold_authorizer_v1_AccessKeyMetadata, AccessKeyMetadata__Output as _keyhold_authorizer_v1_AccessKeyMetadata__Output } from '../../../keyhold/authorizer/v1/AccessKeyMetadata.js';
import type { AccessKeyRequest as _keyhold_authorizer_v1_AccessKeyRequest, AccessKeyRequest__Output as _keyhold_authorizer_v1_AccessKeyRequest__Output } from '../../../keyhold/authorizer/v1/AccessKeyRequest.js';
import type { Account as _keyhold_authorizer_v1_Account, Account__Output as _keyhold_authorizer_v1_Account__Output } from '../../../keyhold/authorizer/v1/Account.js';
import type { CreateAccessKeyRequest as _keyhold_authorizer_v1_CreateAccessKeyRequest, CreateAccessKeyRequest__Output as _keyhold_authorizer_v1_CreateAccessKeyRequest__Output } from '../../../keyhold/authorizer/v1/CreateAccessKeyRequest.js';
import type { CreateAccountRequest as _keyhold_authorizer_v1_CreateAccountRequest, CreateAccountRequest__Output as _keyhold_authorizer_v1_CreateAccountRequest__Output } from '../../../keyhold/authorizer/v1/CreateAccountRequest.js';
import type { CreatePrincipalRequest as _keyhold_authorizer_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keyhold_authorizer_v1_CreatePrincipalRequest__Output } from '../../../keyhold/authorizer/v1/CreatePrincipalRequest.js';
import type { CreatedAccessKey as _keyhold_authorizer_v1_CreatedAccessKey, CreatedAccessKey__Output as _keyhold_authorizer_v1_CreatedAccessKey__Output } from '../../../keyhold/authorizer/v1/CreatedAccessKey.js';
import type { DeletePrincipalRequest as _keyhold_authorizer_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keyhold_authorizer_v1_DeletePrincipalRequest__Output } from '../../../keyhold/authorizer/v1/DeletePrincipalRequest.js';
import type { Empty as _keyhold_authorizer_v1_Empty, Empty__Output as _keyhold_authorizer_v1_Empty__Output } from '../../../keyhold/authorizer/v1/Empty.js';
import type { ListAccessKeysRequest as _keyhold_authorizer_v1_ListAccessKeysRequest, ListAccessKeysRequest__Output as _keyhold_authorizer_v1_ListAccessKeysRequest__Output } from '../../../keyhold/authorizer/v1/ListAccessKeysRequest.js';
import type { ListAccessKeysResponse as _keyhold_authorizer_v1_ListAccessKeysResponse, ListAccessKeysResponse__Output as _keyhold_authorizer_v1_ListAccessKeysResponse__Output } from '../../../keyhold/authorizer/v1/ListAccessKeysResponse.js';
import type { ListAccountsRequest as _keyhold_authorizer_v1_ListAccountsRequest, ListAccountsRequest__Output as _keyhold_authorizer_v1_ListAccountsRequest__Output } from '../../../keyhold/authorizer/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _keyhold_authorizer_v1_ListAccountsResponse, ListAccountsResponse__Output as _keyhold_authorizer_v1_ListAccountsResponse__Output } from '../../../keyhold/authorizer/v1/ListAccountsResponse.js';
import type { ListPrincipalPoliciesRequest as _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, ListPrincipalPoliciesRequest__Output as _keyhold_authorizer_v1_ListPrincipalPoliciesRequest__Output } from '../../../keyhold/authorizer/v1/ListPrincipalPoliciesRequest.js';
import type { ListPrincipalPoliciesResponse as _keyhold_authorizer_v1_ListPrincipalPoliciesResponse, ListPrincipalPoliciesResponse__Output as _keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output } from '../../../keyhold/authorizer/v1/ListPrincipalPoliciesResponse.js';
import type { ListPrincipalsRequest as _keyhold_authorizer_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keyhold_authorizer_v1_ListPrincipalsRequest__Output } from '../../../keyhold/authorizer/v1/ListPrincipalsRequest.js';
import type { ListPrincipalsResponse as _keyhold_authorizer_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keyhold_authorizer_v1_ListPrincipalsResponse__Output } from '../../../keyhold/authorizer/v1/ListPrincipalsResponse.js';
import type { PrincipalInfo as _keyhold_authorizer_v1_PrincipalInfo, PrincipalInfo__Output as _keyhold_authorizer_v1_PrincipalInfo__Output } from '../../../keyhold/authorizer/v1/PrincipalInfo.js';
import type { PrincipalPolicy as _keyhold_authorizer_v1_PrincipalPolicy, PrincipalPolicy__Output as _keyhold_authorizer_v1_PrincipalPolicy__Output } from '../../../keyhold/authorizer/v1/PrincipalPolicy.js';
import type { PrincipalPolicyRequest as _keyhold_authorizer_v1_PrincipalPolicyRequest, PrincipalPolicyRequest__Output as _keyhold_authorizer_v1_PrincipalPolicyRequest__Output } from '../../../keyhold/authorizer/v1/PrincipalPolicyRequest.js';
import type { PutPrincipalPolicyRequest as _keyhold_authorizer_v1_PutPrincipalPolicyRequest, PutPrincipalPolicyRequest__Output as _keyhold_authorizer_v1_PutPrincipalPolicyRequest__Output } from '../../../keyhold/authorizer/v1/PutPrincipalPolicyRequest.js';
import type { ServicePrincipalInfo as _keyhold_authorizer_v1_ServicePrincipalInfo, ServicePrincipalInfo__Output as _keyhold_authorizer_v1_ServicePrincipalInfo__Output } from '../../../keyhold/authorizer/v1/ServicePrincipalInfo.js';
import type { ServicePrincipalRequest as _keyhold_authorizer_v1_ServicePrincipalRequest, ServicePrincipalRequest__Output as _keyhold_authorizer_v1_ServicePrincipalRequest__Output } from '../../../keyhold/authorizer/v1/ServicePrincipalRequest.js';
import type { UpdateAccessKeyRequest as _keyhold_authorizer_v1_UpdateAccessKeyRequest, UpdateAccessKeyRequest__Output as _keyhold_authorizer_v1_UpdateAccessKeyRequest__Output } from '../../../keyhold/authorizer/v1/UpdateAccessKeyRequest.js';

export interface IdentityAdminClient extends grpc.Client {
  CreateAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  CreateAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  CreateAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  CreateAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  createAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  createAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  createAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  createAccessKey(argument: _keyhold_authorizer_v1_CreateAccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_CreatedAccessKey__Output>): grpc.ClientUnaryCall;
  
  CreateAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _keyhold_authorizer_v1_CreateAccountRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Account__Output>): grpc.ClientUnaryCall;
  
  CreatePrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keyhold_authorizer_v1_CreatePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalInfo__Output>): grpc.ClientUnaryCall;
  
  DeleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAccessKey(argument: _keyhold_authorizer_v1_AccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keyhold_authorizer_v1_DeletePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GetPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  GetPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  GetPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  GetPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  getPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  getPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  getPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  getPrincipalPolicy(argument: _keyhold_authorizer_v1_PrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_PrincipalPolicy__Output>): grpc.ClientUnaryCall;
  
  ListAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  ListAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  ListAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  ListAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  listAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  listAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  listAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  listAccessKeys(argument: _keyhold_authorizer_v1_ListAccessKeysRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccessKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _keyhold_authorizer_v1_ListAccountsRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  
  ListPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listPrincipalPolicies(argument: _keyhold_authorizer_v1_ListPrincipalPoliciesRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>): grpc.ClientUnaryCall;
  
  ListPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keyhold_authorizer_v1_ListPrincipalsRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  
  PutPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  PutPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  PutPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  PutPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  putPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  putPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  putPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  putPrincipalPolicy(argument: _keyhold_authorizer_v1_PutPrincipalPolicyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  RegisterServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  RegisterServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  RegisterServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  RegisterServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  registerServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  registerServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  registerServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  registerServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_ServicePrincipalInfo__Output>): grpc.ClientUnaryCall;
  
  RemoveServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeServicePrincipal(argument: _keyhold_authorizer_v1_ServicePrincipalRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  UpdateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  UpdateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  UpdateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  UpdateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  updateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  updateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  updateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  updateAccessKey(argument: _keyhold_authorizer_v1_UpdateAccessKeyRequest, callback: grpc.requestCallback<_keyhold_authorizer_v1_AccessKeyMetadata__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityAdminHandlers extends grpc.UntypedServiceImplementation {
  CreateAccessKey: grpc.handleUnaryCall<_keyhold_authorizer_v1_CreateAccessKeyRequest__Output, _keyhold_authorizer_v1_CreatedAccessKey>;
  
  CreateAccount: grpc.handleUnaryCall<_keyhold_authorizer_v1_CreateAccountRequest__Output, _keyhold_authorizer_v1_Account>;
  
  CreatePrincipal: grpc.handleUnaryCall<_keyhold_authorizer_v1_CreatePrincipalRequest__Output, _keyhold_authorizer_v1_PrincipalInfo>;
  
  DeleteAccessKey: grpc.handleUnaryCall<_keyhold_authorizer_v1_AccessKeyRequest__Output, _keyhold_authorizer_v1_Empty>;
  
  DeletePrincipal: grpc.handleUnaryCall<_keyhold_authorizer_v1_DeletePrincipalRequest__Output, _keyhold_authorizer_v1_Empty>;
  
  DeletePrincipalPolicy: grpc.handleUnaryCall<_keyhold_authorizer_v1_PrincipalPolicyRequest__Output, _keyhold_authorizer_v1_Empty>;
  
  GetPrincipalPolicy: grpc.handleUnaryCall<_keyhold_authorizer_v1_PrincipalPolicyRequest__Output, _keyhold_authorizer_v1_PrincipalPolicy>;
  
  ListAccessKeys: grpc.handleUnaryCall<_keyhold_authorizer_v1_ListAccessKeysRequest__Output, _keyhold_authorizer_v1_ListAccessKeysResponse>;
  
  ListAccounts: grpc.handleUnaryCall<_keyhold_authorizer_v1_ListAccountsRequest__Output, _keyhold_authorizer_v1_ListAccountsResponse>;
  
  ListPrincipalPolicies: grpc.handleUnaryCall<_keyhold_authorizer_v1_ListPrincipalPoliciesRequest__Output, _keyhold_authorizer_v1_ListPrincipalPoliciesResponse>;
  
  ListPrincipals: grpc.handleUnaryCall<_keyhold_authorizer_v1_ListPrincipalsRequest__Output, _keyhold_authorizer_v1_ListPrincipalsResponse>;
  
  PutPrincipalPolicy: grpc.handleUnaryCall<_keyhold_authorizer_v1_PutPrincipalPolicyRequest__Output, _keyhold_authorizer_v1_Empty>;
  
  RegisterServicePrincipal: grpc.handleUnaryCall<_keyhold_authorizer_v1_ServicePrincipalRequest__Output, _keyhold_authorizer_v1_ServicePrincipalInfo>;
  
  RemoveServicePrincipal: grpc.handleUnaryCall<_keyhold_authorizer_v1_ServicePrincipalRequest__Output, _keyhold_authorizer_v1_Empty>;
  
  UpdateAccessKey: grpc.handleUnaryCall<_keyhold_authorizer_v1_UpdateAccessKeyRequest__Output, _keyhold_authorizer_v1_AccessKeyMetadata>;
  
}

export interface IdentityAdminDefinition extends grpc.ServiceDefinition {
  CreateAccessKey: MethodDefinition<_keyhold_authorizer_v1_CreateAccessKeyRequest, _keyhold_authorizer_v1_CreatedAccessKey, _keyhold_authorizer_v1_CreateAccessKeyRequest__Output, _keyhold_authorizer_v1_CreatedAccessKey__Output>
  CreateAccount: MethodDefinition<_keyhold_authorizer_v1_CreateAccountRequest, _keyhold_authorizer_v1_Account, _keyhold_authorizer_v1_CreateAccountRequest__Output, _keyhold_authorizer_v1_Account__Output>
  CreatePrincipal: MethodDefinition<_keyhold_authorizer_v1_CreatePrincipalRequest, _keyhold_authorizer_v1_PrincipalInfo, _keyhold_authorizer_v1_CreatePrincipalRequest__Output, _keyhold_authorizer_v1_PrincipalInfo__Output>
  DeleteAccessKey: MethodDefinition<_keyhold_authorizer_v1_AccessKeyRequest, _keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_AccessKeyRequest__Output, _keyhold_authorizer_v1_Empty__Output>
  DeletePrincipal: MethodDefinition<_keyhold_authorizer_v1_DeletePrincipalRequest, _keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_DeletePrincipalRequest__Output, _keyhold_authorizer_v1_Empty__Output>
  DeletePrincipalPolicy: MethodDefinition<_keyhold_authorizer_v1_PrincipalPolicyRequest, _keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_PrincipalPolicyRequest__Output, _keyhold_authorizer_v1_Empty__Output>
  GetPrincipalPolicy: MethodDefinition<_keyhold_authorizer_v1_PrincipalPolicyRequest, _keyhold_authorizer_v1_PrincipalPolicy, _keyhold_authorizer_v1_PrincipalPolicyRequest__Output, _keyhold_authorizer_v1_PrincipalPolicy__Output>
  ListAccessKeys: MethodDefinition<_keyhold_authorizer_v1_ListAccessKeysRequest, _keyhold_authorizer_v1_ListAccessKeysResponse, _keyhold_authorizer_v1_ListAccessKeysRequest__Output, _keyhold_authorizer_v1_ListAccessKeysResponse__Output>
  ListAccounts: MethodDefinition<_keyhold_authorizer_v1_ListAccountsRequest, _keyhold_authorizer_v1_ListAccountsResponse, _keyhold_authorizer_v1_ListAccountsRequest__Output, _keyhold_authorizer_v1_ListAccountsResponse__Output>
  ListPrincipalPolicies: MethodDefinition<_keyhold_authorizer_v1_ListPrincipalPoliciesRequest, _keyhold_authorizer_v1_ListPrincipalPoliciesResponse, _keyhold_authorizer_v1_ListPrincipalPoliciesRequest__Output, _keyhold_authorizer_v1_ListPrincipalPoliciesResponse__Output>
  ListPrincipals: MethodDefinition<_keyhold_authorizer_v1_ListPrincipalsRequest, _keyhold_authorizer_v1_ListPrincipalsResponse, _keyhold_authorizer_v1_ListPrincipalsRequest__Output, _keyhold_authorizer_v1_ListPrincipalsResponse__Output>
  PutPrincipalPolicy: MethodDefinition<_keyhold_authorizer_v1_PutPrincipalPolicyRequest, _keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_PutPrincipalPolicyRequest__Output, _keyhold_authorizer_v1_Empty__Output>
  RegisterServicePrincipal: MethodDefinition<_keyhold_authorizer_v1_ServicePrincipalRequest, _keyhold_authorizer_v1_ServicePrincipalInfo, _keyhold_authorizer_v1_ServicePrincipalRequest__Output, _keyhold_authorizer_v1_ServicePrincipalInfo__Output>
  RemoveServicePrincipal: MethodDefinition<_keyhold_authorizer_v1_ServicePrincipalRequest, _keyhold_authorizer_v1_Empty, _keyhold_authorizer_v1_ServicePrincipalRequest__Output, _keyhold_authorizer_v1_Empty__Output>
  UpdateAccessKey: MethodDefinition<_keyhold_authorizer_v1_UpdateAccessKeyRequest, _keyhold_authorizer_v1_AccessKeyMetadata, _keyhold_authorizer_v1_UpdateAccessKeyRequest__Output, _keyhold_authorizer_v1_AccessKeyMetadata__Output>
}
