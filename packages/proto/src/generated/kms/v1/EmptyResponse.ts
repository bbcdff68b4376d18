// Original file: kms/v1/kms.proto


export interface EmptyResponse {
}

export interface EmptyResponse__Output {
}
