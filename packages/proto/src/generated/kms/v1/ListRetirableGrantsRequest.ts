// Original file: kms/v1/kms.proto


export interface ListRetirableGrantsRequest {
  'retiringPrincipal'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}

export interface ListRetirableGrantsRequest__Output {
  'retiringPrincipal': (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}
