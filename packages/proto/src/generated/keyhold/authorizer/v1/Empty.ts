// Original file: keyhold/authorizer/v1/admin.proto


export interface Empty {
}

export interface Empty__Output {
}
