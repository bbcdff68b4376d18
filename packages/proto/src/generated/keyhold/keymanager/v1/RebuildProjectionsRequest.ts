// Original file: keyhold/keymanager/v1/keymanager.proto


export interface RebuildProjectionsRequest {
}

export interface RebuildProjectionsRequest__Output {
}
