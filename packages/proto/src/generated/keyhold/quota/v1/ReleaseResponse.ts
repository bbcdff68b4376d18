// Original file: keyhold/quota/v1/quota.proto


export interface ReleaseResponse {
  'accepted'?: (number);
}

export interface ReleaseResponse__Output {
  'accepted': (number);
}
