/**
 * Reads exact byte counts from an async source of chunks of any size,
 * holding no more than the bytes asked for plus one chunk.
 */
export class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Pulls one more non-empty chunk; false at the end of the source. */
  private async pull(): Promise<boolean> {
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      if (chunk.length === 0) continue;
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      return true;
    }
    return false;
  }

  /** Exactly `n` bytes; fewer only when the source ends first. */
  async read(n: number): Promise<Buffer> {
    while (this.buffered < n && (await this.pull()));
    const take = Math.min(n, this.buffered);
    const first = this.chunks[0];
    let out: Buffer;
    if (first && first.length >= take) {
      out = first.subarray(0, take);
      if (first.length === take) this.chunks.shift();
      else this.chunks[0] = first.subarray(take);
    } else {
      out = Buffer.allocUnsafe(take);
      let at = 0;
      while (at < take) {
        const chunk = this.chunks[0]!;
        const n = chunk.copy(out, at, 0, take - at);
        at += n;
        if (n === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(n);
      }
    }
    this.buffered -= take;
    return out;
  }

  /** True once every byte of the source has been read. */
  async atEnd(): Promise<boolean> {
    return this.buffered === 0 && !(await this.pull());
  }
}
