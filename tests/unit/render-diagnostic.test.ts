import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lineIndex, renderDiagnostic, renderDiagnostics } from '../../src/render/diagnostic.js';

describe('lineIndex', () => {
  const text = 'one\ntwo\r\n\nfour';
  const index = lineIndex(text);

  it('gives 1-based lines and columns of offsets', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(6)).toEqual({ line: 2, column: 3 });
    expect(index.position(9)).toEqual({ line: 3, column: 1 });
    expect(index.position(10)).toEqual({ line: 4, column: 1 });
    expect(index.position(13)).toEqual({ line: 4, column: 4 });
  });

  it('gives each line without its line break', () => {
    expect([1, 2, 3, 4, 5].map((n) => index.line(n))).toEqual(['one', 'two\r', '', 'four', '']);
  });
});

describe('renderDiagnostics', () => {
  const text = Array.from({ length: 300 }, (_, i) => `  f${i}: 3 MBB`).join('\n');
  const ds: Diagnostic[] = Array.from({ length: 300 }, (_, i) => {
    const start = text.indexOf(`f${i}:`) + `f${i}: 3 `.length;
    return { code: 'unknown-unit', message: 'unknown unit `MBB`', file: 'x.yaml', span: { start, end: start + 3 } };
  });

  it('places every diagnostic by its own line', () => {
    const out = renderDiagnostics(ds, text);
    expect(out).toContain('x.yaml:1:9: error: unknown unit `MBB`');
    expect(out).toContain('x.yaml:300:11: error: unknown unit `MBB`');
    expect(out.match(/error:/g)).toHaveLength(300);
  });

  it('stops at the limit and says how many more there are', () => {
    const out = renderDiagnostics(ds, text, { limit: 100 });
    expect(out.match(/error:/g)).toHaveLength(100);
    expect(out).toContain('… and 200 more problems: `bote validate` lists them all');
  });
});

describe('renderDiagnostic: the first line', () => {
  it('a one-line error starts `bote: error:`, with or without a file', () => {
    expect(renderDiagnostic({ code: 'not-finite', message: '--set x: the value is infinite' }, undefined)).toBe(
      'bote: error: --set x: the value is infinite\n',
    );
    expect(renderDiagnostic({ code: 'not-finite', message: '`x` is infinite', file: 'a.yaml' }, 'assumptions:\n')).toBe(
      'bote: error: a.yaml: `x` is infinite\n',
    );
  });

  it('a note says note:, in the same file:line:col form as an error', () => {
    const text = 'assumptions:\n  years: 10 year\n';
    const out = renderDiagnostic(
      {
        code: 'name-is-unit',
        severity: 'note',
        message: '`years` is also a unit',
        file: 'a.yaml',
        span: { start: 15, end: 20 },
      },
      text,
    );
    expect(out.split('\n')[0]).toBe('a.yaml:2:3: note: `years` is also a unit');
    expect(out).toContain('  ^^^^^');
  });
});
