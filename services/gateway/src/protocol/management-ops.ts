// Management operations: forwarded to key-manager.

import type { CreateKeyRequest, DescribeKeyRequest, ListKeysRequest } from '@keyhold/proto';
import { Validation, optBoolean, optInteger, optString, optStructureList } from './members.js';
import {
  KEY_SPECS,
  KEY_USAGES,
  MARKER,
  ORIGINS,
  define,
  grantTokens,
  keyMetadataAudit,
  keyMetadataJson,
  requiredKeyId,
} from './operation.js';

export const createKey = define('CreateKey', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const description = optString(input, 'Description');
    const keyUsage = optString(input, 'KeyUsage');
    const keySpec = optString(input, 'KeySpec');
    const cmkSpec = optString(input, 'CustomerMasterKeySpec');
    const policy = optString(input, 'Policy');
    const origin = optString(input, 'Origin');
    const multiRegion = optBoolean(input, 'MultiRegion');
    const bypass = optBoolean(input, 'BypassPolicyLockoutSafetyCheck');
    const tags = (optStructureList(input, 'Tags') ?? []).map((t) => ({
      tagKey: optString(t, 'TagKey'),
      tagValue: optString(t, 'TagValue'),
    }));
    v.length('description', description, 0, 8192);
    v.oneOf('keyUsage', keyUsage, KEY_USAGES);
    v.oneOf('keySpec', keySpec, KEY_SPECS);
    v.oneOf('customerMasterKeySpec', cmkSpec, KEY_SPECS);
    v.length('policy', policy, 1, 131072);
    v.oneOf('origin', origin, ORIGINS);
    v.listLength('tags', tags, 50);
    for (const t of tags) {
      if (v.required('tags.member.tagKey', t.tagKey))
        v.length('tags.member.tagKey', t.tagKey, 1, 128);
      if (v.required('tags.member.tagValue', t.tagValue))
        v.length('tags.member.tagValue', t.tagValue, 0, 256);
    }
    v.done();
    if (keySpec !== undefined && cmkSpec !== undefined && keySpec !== cmkSpec) {
      v.fail(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      );
    }
    const req: CreateKeyRequest = {
      tags: tags.map((t) => ({ tagKey: t.tagKey!, tagValue: t.tagValue! })),
    };
    if (description !== undefined) req.description = description;
    if (keyUsage !== undefined) req.keyUsage = keyUsage;
    if ((keySpec ?? cmkSpec) !== undefined) req.keySpec = (keySpec ?? cmkSpec)!;
    if (policy !== undefined) req.policy = policy;
    if (origin !== undefined) req.origin = origin;
    if (multiRegion !== undefined) req.multiRegion = multiRegion;
    if (bypass !== undefined) req.bypassPolicyLockoutSafetyCheck = bypass;
    return req;
  },
  call: (b, req, opts) => b.keyManager.CreateKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

export const describeKey = define('DescribeKey', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const tokens = grantTokens(input, v);
    v.done();
    const req: DescribeKeyRequest = { keyId };
    if (tokens) req.grantTokens = tokens;
    return req;
  },
  call: (b, req, opts) => b.keyManager.DescribeKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

export const listKeys = define('ListKeys', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const limit = optInteger(input, 'Limit');
    const marker = optString(input, 'Marker');
    v.range('limit', limit, 1, 1000);
    v.length('marker', marker, 1, 1024);
    v.pattern('marker', marker, MARKER, '[\\u0020-\\u00FF]*');
    v.done();
    const req: ListKeysRequest = {};
    if (limit !== undefined) req.limit = limit;
    if (marker !== undefined) req.marker = marker;
    return req;
  },
  call: (b, req, opts) => b.keyManager.ListKeys(req, opts),
  serialize(res) {
    const out: Record<string, unknown> = {
      Keys: res.keys.map((k) => ({ KeyId: k.keyId, KeyArn: k.keyArn })),
      Truncated: res.truncated,
    };
    if (res.truncated && res.nextMarker) out['NextMarker'] = res.nextMarker;
    return out;
  },
  responseKeyArn: () => undefined,
  responseElements: () => ({}),
});

/** Management operations, forwarded to key-manager. */
export const MANAGEMENT_OPERATIONS = [createKey, describeKey, listKeys];
