// Original file: keyhold/quota/v1/quota.proto


export interface ListQuotaOverridesRequest {
}

export interface ListQuotaOverridesRequest__Output {
}
