// Original file: keyhold/common/v1/context.proto


export interface RequestContext {
  'requestId'?: (string);
  'region'?: (string);
  'accountId'?: (string);
  'principalArn'?: (string);
  'sourceIp'?: (string);
  'userAgent'?: (string);
  'viaService'?: (string);
  'operation'?: (string);
}

export interface RequestContext__Output {
  'requestId': (string);
  'region': (string);
  'accountId': (string);
  'principalArn': (string);
  'sourceIp': (string);
  'userAgent': (string);
  'viaService': (string);
  'operation': (string);
}
