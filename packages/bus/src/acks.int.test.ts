import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';
import { connect } from 'nats';
import type { JetStreamManager, NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamAcks, JetStreamPublishError } from './acks.js';

let nc: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  const url = new URL(testNatsUrl());
  nc = await connect({ servers: `${url.hostname}:${url.port}` });
  jsm = await nc.jetstreamManager();
});

afterAll(async () => {
  await nc?.drain();
});

/** A fresh stream taking `<prefix>.>`; returns the prefix and the stream name. */
async function stream(extra: { max_msg_size?: number } = {}) {
  const prefix = testBusPrefix();
  const name = `ACKS_${prefix.replace(/[^A-Za-z0-9]/g, '_')}`;
  await jsm.streams.add({ name, subjects: [`${prefix}.>`], duplicate_window: 60e9, ...extra });
  return { prefix, name };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('JetStreamAcks', () => {
  it('stores each publish and resolves with its stream and sequence, many in flight at once', async () => {
    const { prefix, name } = await stream();
    const acks = new JetStreamAcks(nc);
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          acks.publish(`${prefix}.a`, bytes(`m${i}`), `id-${i}`),
        ),
      );
      expect(results.every((r) => r.stream === name && !r.duplicate)).toBe(true);
      expect(new Set(results.map((r) => r.seq)).size).toBe(50);
      expect((await jsm.streams.info(name)).state.messages).toBe(50);
      // Each ack answers its own publish: the message at an ack's sequence is the one sent.
      const third = await jsm.streams.getMessage(name, { seq: results[3]!.seq });
      expect(new TextDecoder().decode(third.data)).toBe('m3');
      expect(third.header.get('Nats-Msg-Id')).toBe('id-3');
      expect(acks.waiting).toBe(0);
    } finally {
      acks.close();
    }
  });

  it('reports a repeated Nats-Msg-Id as a duplicate and stores it once', async () => {
    const { prefix, name } = await stream();
    const acks = new JetStreamAcks(nc);
    try {
      const first = await acks.publish(`${prefix}.a`, bytes('once'), 'same');
      const again = await acks.publish(`${prefix}.a`, bytes('once'), 'same');
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ stream: name, seq: first.seq, duplicate: true });
      expect((await jsm.streams.info(name)).state.messages).toBe(1);
    } finally {
      acks.close();
    }
  });

  it('rejects with 503 when no stream takes the subject', async () => {
    const acks = new JetStreamAcks(nc);
    try {
      const err = await acks.publish(`${testBusPrefix()}.nowhere`, bytes('x')).catch((e) => e);
      expect(err).toBeInstanceOf(JetStreamPublishError);
      expect(err).toMatchObject({ code: 503 });
      expect(String(err.message)).toMatch(/no JetStream stream takes subject/);
    } finally {
      acks.close();
    }
  });

  it("rejects with JetStream's own error when the stream refuses the message", async () => {
    const { prefix, name } = await stream({ max_msg_size: 16 });
    const acks = new JetStreamAcks(nc);
    try {
      const err = await acks.publish(`${prefix}.a`, new Uint8Array(64)).catch((e) => e);
      expect(err).toBeInstanceOf(JetStreamPublishError);
      expect(err.message).toMatch(/refused a publish.*maximum/i);
      expect((await jsm.streams.info(name)).state.messages).toBe(0);
      // The inbox still serves the publishes after it.
      expect((await acks.publish(`${prefix}.a`, bytes('small'))).seq).toBe(1);
    } finally {
      acks.close();
    }
  });

  it('times out a publish that something answers but nothing acks, and ignores a late answer', async () => {
    const subject = `${testBusPrefix()}.silent`;
    // A responder that holds on to the request: no 503, and no ack in time.
    const held: string[] = [];
    const sub = nc.subscribe(subject, { callback: (_e, m) => held.push(m.reply ?? '') });
    await nc.flush();
    const acks = new JetStreamAcks(nc, { timeoutMs: 100 });
    try {
      const started = Date.now();
      const err = await acks.publish(subject, bytes('x')).catch((e) => e);
      expect(err).toMatchObject({ name: 'JetStreamPublishError', code: 408 });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(acks.waiting).toBe(0);
      // A late ack finds nothing waiting and breaks nothing.
      nc.publish(held[0]!, bytes('{"stream":"S","seq":1}'));
      await nc.flush();
      expect(acks.waiting).toBe(0);
    } finally {
      sub.unsubscribe();
      acks.close();
    }
  });

  it('fails what is waiting when closed, and refuses publishes after', async () => {
    const subject = `${testBusPrefix()}.held`;
    const sub = nc.subscribe(subject, { callback: () => {} });
    await nc.flush();
    const acks = new JetStreamAcks(nc);
    const waiting = acks.publish(subject, bytes('x')).catch((e) => e);
    await nc.flush();
    expect(acks.waiting).toBe(1);
    acks.close();
    expect(await waiting).toMatchObject({ code: 503, message: 'the NATS connection is closed' });
    await expect(acks.publish(subject, bytes('y'))).rejects.toMatchObject({ code: 503 });
    sub.unsubscribe();
  });

  it('fails what is waiting when its connection closes', async () => {
    const url = new URL(testNatsUrl());
    const own = await connect({ servers: `${url.hostname}:${url.port}` });
    const subject = `${testBusPrefix()}.held`;
    const sub = nc.subscribe(subject, { callback: () => {} });
    await nc.flush();
    const acks = new JetStreamAcks(own);
    const waiting = acks.publish(subject, bytes('x')).catch((e) => e);
    await own.flush();
    await own.close();
    expect(await waiting).toMatchObject({ code: 503 });
    sub.unsubscribe();
  });
});
