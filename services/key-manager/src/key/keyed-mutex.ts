/**
 * Runs tasks one at a time per key, in arrival order. Commands on one key
 * in this process then never collide on the stream version, so 50
 * concurrent commands all land instead of exhausting their conflict retries;
 * replicas still meet at the append's version check.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
