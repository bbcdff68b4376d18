import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';

/**
 * Asks a server's gRPC health service for the overall status; resolves with
 * 'SERVING', 'NOT_SERVING', … or rejects when the server does not answer.
 */
export async function checkHealth(address: string, timeoutMs = 2_000): Promise<string> {
  const def = protoLoader.loadSync(healthProtoPath, { keepCase: true, enums: String });
  const pkg = grpc.loadPackageDefinition(def) as unknown as {
    grpc: {
      health: { v1: { Health: new (a: string, c: grpc.ChannelCredentials) => grpc.Client } };
    };
  };
  const client = new pkg.grpc.health.v1.Health(address, grpc.credentials.createInsecure());
  try {
    return await new Promise<string>((resolve, reject) => {
      (
        client as unknown as {
          Check: (
            req: { service: string },
            options: grpc.CallOptions,
            cb: (err: Error | null, res: { status: string }) => void,
          ) => void;
        }
      ).Check(
        { service: '' },
        { deadline: Date.now() + timeoutMs },
        (err: Error | null, res: { status: string }) => (err ? reject(err) : resolve(res.status)),
      );
    });
  } finally {
    client.close();
  }
}
