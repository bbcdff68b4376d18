// What the int/e2e globalSetup hands to test files through vitest's
// provide/inject; declared here so both sides are typed.
declare module 'vitest' {
  interface ProvidedContext {
    /** Superuser URL of the run's shared Postgres (database `postgres`). */
    databaseUrl: string;
    /** URL of the run's shared NATS server, JetStream enabled. */
    natsUrl: string;
  }
}

export {};
