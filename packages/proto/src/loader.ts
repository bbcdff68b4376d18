import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as AuditProto } from './generated/audit.js';
import type { ProtoGrpcType as AdminProto } from './generated/admin.js';
import type { ProtoGrpcType as AuthorizerProto } from './generated/authorizer.js';
import type { ProtoGrpcType as CryptoProto } from './generated/crypto.js';
import type { ProtoGrpcType as KeyManagerProto } from './generated/keymanager.js';
import type { ProtoGrpcType as KmsProto } from './generated/kms.js';
import type { ProtoGrpcType as QuotaProto } from './generated/quota.js';

/**
 * Options shared with scripts/gen-proto.mjs: the generated types describe
 * exactly what this loader produces (64-bit ints as strings, enums as names,
 * defaults filled in, oneof names set).
 */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** The repository's proto/ folder; overridable for relocated installs. */
export function protoRoot(): string {
  const fromEnv = process.env['KEYHOLD_PROTO_DIR'];
  if (fromEnv) return fromEnv;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../proto');
}

const PROTO_FILES = [
  'kms/v1/kms.proto',
  'keyhold/common/v1/context.proto',
  'keyhold/keymanager/v1/keymanager.proto',
  'keyhold/crypto/v1/crypto.proto',
  'keyhold/authorizer/v1/authorizer.proto',
  'keyhold/authorizer/v1/admin.proto',
  'keyhold/quota/v1/quota.proto',
  'keyhold/audit/v1/audit.proto',
];

export type KeyholdProto = KmsProto &
  KeyManagerProto &
  CryptoProto &
  AuthorizerProto &
  AdminProto &
  QuotaProto &
  AuditProto;

let cached: KeyholdProto | undefined;

/** Every Keyhold service and message, loaded once per process. */
export function loadProto(): KeyholdProto {
  if (!cached) {
    const definition = protoLoader.loadSync(PROTO_FILES, {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: [protoRoot()],
    });
    cached = grpc.loadPackageDefinition(definition) as unknown as KeyholdProto;
  }
  return cached;
}
