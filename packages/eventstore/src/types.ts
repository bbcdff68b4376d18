/** Free-form, JSON-serialisable context stored beside an event (request id, causation, ...). */
export type EventMetadata = Readonly<Record<string, unknown>>;

/**
 * A fact, named in the past tense. `data` carries everything `evolve` needs,
 * so that folding a stream never looks anything up. Type strings are
 * permanent: a shape changes through a new type, never a rename.
 */
export interface Event<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: EventMetadata;
}

/** What the store adds to an event when it commits it. */
export interface RecordedEventInfo {
  /** A UUID, unique across the store; the outbox publishes it as `Nats-Msg-Id`. */
  readonly eventId: string;
  readonly streamId: string;
  /** Position of the event within its stream, from 1 and without gaps. */
  readonly version: number;
  /** Global commit position (a bigint) as a decimal string; only increases. */
  readonly position: string;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/**
 * A committed event. Distributes over a union of events so that narrowing on
 * `type` still narrows `data`.
 */
export type RecordedEvent<E extends Event = Event> = E extends Event
  ? { readonly type: E['type']; readonly data: E['data'] } & RecordedEventInfo
  : never;

/**
 * A pure aggregate: `decide` turns a command and the current state into new
 * events (or throws a KmsError to reject), `evolve` folds one event into the
 * state and never throws.
 */
export interface Decider<State, Command, E extends Event> {
  decide(command: Command, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

/**
 * What an append expects the stream to be at: its current version (0 for an
 * empty stream), `'no_stream'` (same as 0), or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no_stream' | 'any';
