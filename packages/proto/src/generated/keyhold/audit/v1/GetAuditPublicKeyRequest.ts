// Original file: keyhold/audit/v1/audit.proto


export interface GetAuditPublicKeyRequest {
}

export interface GetAuditPublicKeyRequest__Output {
}
