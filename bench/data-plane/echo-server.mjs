// The ceiling: a bare grpc-js unary echo server in one process. Messages are
// passed through as raw bytes (identity serializers): no protobuf work, the
// transport alone. Prints its port on stdout.
import * as grpc from '@grpc/grpc-js';

const identity = (b) => b;
// Channelz off, as Keyhold's own servers run (SERVER_OPTIONS): the ceiling must
// not carry a cost the services under test have shed.
const server = new grpc.Server({
  'grpc.max_receive_message_length': 1024 * 1024,
  'grpc.enable_channelz': 0,
});
server.addService(
  {
    Echo: {
      path: '/bench.Echo/Echo',
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  },
  { Echo: (call, callback) => callback(null, call.request) },
);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  process.stdout.write(`${port}\n`);
});
process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
