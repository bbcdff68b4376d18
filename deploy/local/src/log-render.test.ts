import { describe, expect, it } from 'vitest';
import { renderLogLine } from './log-render.js';

describe('renderLogLine', () => {
  it('renders a pino line as time, level, message and fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: '2025-01-02T03:04:05.678Z',
      pid: 42,
      hostname: 'h',
      service: 'key-manager',
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      note: 'two words',
      n: 3,
      nested: { a: 1 },
      msg: 'key created',
    });
    expect(renderLogLine(line)).toBe(
      '03:04:05.678 INFO  key created keyId=1234abcd-12ab-34cd-56ef-1234567890ab note="two words" n=3 nested={"a":1}',
    );
  });

  it('puts an error on the line and its stack below', () => {
    const line = JSON.stringify({
      level: 50,
      time: '2025-01-02T03:04:05.678Z',
      err: {
        type: 'Error',
        message: 'boom',
        stack: 'Error: boom\n    at f (a.js:1:1)\n    at g (b.js:2:2)',
      },
      msg: 'request failed',
    });
    expect(renderLogLine(line)).toBe(
      '03:04:05.678 ERROR request failed err="Error: boom"\n    at f (a.js:1:1)\n    at g (b.js:2:2)',
    );
  });

  it('colors the level only when asked', () => {
    const line = JSON.stringify({ level: 40, time: 0, msg: 'slow' });
    expect(renderLogLine(line)).toBe('00:00:00.000 WARN  slow');
    expect(renderLogLine(line, { color: true })).toBe('00:00:00.000 \x1b[33mWARN \x1b[0m slow');
  });

  it('passes other lines through unchanged', () => {
    expect(renderLogLine('plain text')).toBe('plain text');
    expect(renderLogLine('{not json')).toBe('{not json');
    expect(renderLogLine('{"some":"object"}')).toBe('{"some":"object"}');
  });
});
