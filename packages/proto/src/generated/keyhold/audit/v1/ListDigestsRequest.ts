// Original file: keyhold/audit/v1/audit.proto


export interface ListDigestsRequest {
  'region'?: (string);
  'maxResults'?: (number);
  '_maxResults'?: "maxResults";
}

export interface ListDigestsRequest__Output {
  'region': (string);
  'maxResults'?: (number);
  '_maxResults'?: "maxResults";
}
