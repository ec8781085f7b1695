/**
 * Text from a scenario file (a title, a note, an erratum, a quoted line) as
 * it may safely reach a terminal: control characters written out, so that a
 * file cannot clear the screen, move the cursor, set the window title or
 * write the clipboard of whoever prints it. ESC becomes `\x1b`, DEL `\x7f`,
 * a C1 control `\x9b`, a bidirectional override `\u202e`; line feeds and tabs
 * stay, for notes written over several lines. JSON needs none of this: it
 * escapes control characters itself.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// C0 save tab and line feed, DEL, C1, and the bidirectional controls that reorder what is shown.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Every string of plain data (objects, arrays, maps) made visible, for a
 * renderer to print: a report, explain's steps. Other objects are kept as they are.
 */
export function visibleAll<T>(x: T): T {
  if (typeof x === 'string') return visible(x) as T;
  if (Array.isArray(x)) return x.map(visibleAll) as T;
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, visibleAll(v)])) as T;
  if (x !== null && typeof x === 'object') {
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) return x;
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, visibleAll(v)])) as T;
  }
  return x;
}
