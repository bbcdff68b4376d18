import { createLogger } from '@keyhold/core';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamAcks, JetStreamPublishError } from './acks.js';
import { connectBus } from './connection.js';
import type { Bus } from './connection.js';
import { busNames } from './names.js';

let bus: Bus;

beforeAll(async () => {
  bus = await connectBus({
    url: testNatsUrl(),
    name: 'acks-test',
    names: busNames(testBusPrefix()),
    logger: createLogger({ service: 'test', level: 'silent' }),
    ackTimeoutMs: 300,
  });
});

afterAll(async () => {
  await bus?.close();
});

/** A fresh stream taking `<prefix>.>`; returns the prefix and the stream name. */
async function stream(extra: { max_msg_size?: number } = {}) {
  const prefix = testBusPrefix();
  const name = `ACKS_${prefix.replace(/[^A-Za-z0-9]/g, '_')}`;
  await bus.jsm.streams.add({ name, subjects: [`${prefix}.>`], duplicate_window: 60e9, ...extra });
  return { prefix, name };
}

const bytes = (s: string) => new TextEncoder().encode(s);

/** A subject whose one subscriber never answers: a publish to it gets no 503, and no ack. */
async function silentSubject(onRequest: (reply: string) => void = () => {}) {
  const subject = `${testBusPrefix()}.silent`;
  const sub = bus.nc.subscribe(subject, { callback: (_e, m) => onRequest(m.reply ?? '') });
  await bus.nc.flush();
  return { subject, stop: () => sub.unsubscribe() };
}

describe('JetStreamAcks', () => {
  it('stores each publish and resolves with its stream and sequence, many in flight at once', async () => {
    const { prefix, name } = await stream();
    const acks = new JetStreamAcks(bus.nc);
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          acks.publish(`${prefix}.a`, bytes(`m${i}`), `id-${i}`),
        ),
      );
      expect(results.every((r) => r.stream === name && !r.duplicate)).toBe(true);
      expect(new Set(results.map((r) => r.seq)).size).toBe(50);
      expect((await bus.jsm.streams.info(name)).state.messages).toBe(50);
      // Each ack answers its own publish: the message at an ack's sequence is the one sent.
      const third = await bus.jsm.streams.getMessage(name, { seq: results[3]!.seq });
      expect(new TextDecoder().decode(third.data)).toBe('m3');
      expect(third.header.get('Nats-Msg-Id')).toBe('id-3');
      expect(acks.waiting).toBe(0);
    } finally {
      acks.close();
    }
  });

  it('reports a repeated Nats-Msg-Id as a duplicate and stores it once', async () => {
    const { prefix, name } = await stream();
    const acks = new JetStreamAcks(bus.nc);
    try {
      const first = await acks.publish(`${prefix}.a`, bytes('once'), 'same');
      const again = await acks.publish(`${prefix}.a`, bytes('once'), 'same');
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ stream: name, seq: first.seq, duplicate: true });
      expect((await bus.jsm.streams.info(name)).state.messages).toBe(1);
    } finally {
      acks.close();
    }
  });

  it('rejects with 503 when no stream takes the subject', async () => {
    const acks = new JetStreamAcks(bus.nc);
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
    const acks = new JetStreamAcks(bus.nc);
    try {
      const err = await acks.publish(`${prefix}.a`, new Uint8Array(64)).catch((e) => e);
      expect(err).toBeInstanceOf(JetStreamPublishError);
      expect(err.message).toMatch(/refused a publish.*maximum/i);
      expect((await bus.jsm.streams.info(name)).state.messages).toBe(0);
      // The inbox still serves the publishes after it.
      expect((await acks.publish(`${prefix}.a`, bytes('small'))).seq).toBe(1);
    } finally {
      acks.close();
    }
  });

  it('times out a publish that something answers but nothing acks, and ignores a late answer', async () => {
    const held: string[] = [];
    const { subject, stop } = await silentSubject((reply) => held.push(reply));
    const acks = new JetStreamAcks(bus.nc, { timeoutMs: 100 });
    try {
      const started = Date.now();
      const err = await acks.publish(subject, bytes('x')).catch((e) => e);
      expect(err).toMatchObject({ name: 'JetStreamPublishError', code: 408 });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(acks.waiting).toBe(0);
      // A late ack finds nothing waiting and breaks nothing.
      bus.nc.publish(held[0]!, bytes('{"stream":"S","seq":1}'));
      await bus.nc.flush();
      expect(acks.waiting).toBe(0);
    } finally {
      stop();
      acks.close();
    }
  });

  it("is the bus's acks, with connectBus's ackTimeoutMs", async () => {
    const { prefix } = await stream();
    expect((await bus.acks.publish(`${prefix}.a`, bytes('via bus'))).seq).toBe(1);
    const { subject, stop } = await silentSubject();
    const started = Date.now();
    await expect(bus.acks.publish(subject, bytes('x'))).rejects.toMatchObject({ code: 408 });
    // 300 ms, swept every 30: well before the 5 s default.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(bus.acks.waiting).toBe(0);
    stop();
  });

  it('fails what is waiting when closed, and refuses publishes after', async () => {
    const { subject, stop } = await silentSubject();
    const acks = new JetStreamAcks(bus.nc);
    const waiting = acks.publish(subject, bytes('x')).catch((e) => e);
    await bus.nc.flush();
    expect(acks.waiting).toBe(1);
    acks.close();
    expect(await waiting).toMatchObject({ code: 503, message: 'the NATS connection is closed' });
    await expect(acks.publish(subject, bytes('y'))).rejects.toMatchObject({ code: 503 });
    stop();
  });

  it('fails what is waiting when its connection closes', async () => {
    const url = new URL(testNatsUrl());
    const own = await connect({ servers: `${url.hostname}:${url.port}` });
    const { subject, stop } = await silentSubject();
    const acks = new JetStreamAcks(own);
    const waiting = acks.publish(subject, bytes('x')).catch((e) => e);
    await own.flush();
    await own.close();
    expect(await waiting).toMatchObject({ code: 503 });
    stop();
  });
});
