// Original file: keyhold/authorizer/v1/admin.proto


export interface ListAccountsRequest {
}

export interface ListAccountsRequest__Output {
}
