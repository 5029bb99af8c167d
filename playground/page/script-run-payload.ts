/**
 * What `google.script.run` lets cross between the sidebar and the server, as Google's HTML service
 * guide states it: numbers, booleans, strings, null, and objects and arrays made of them. A Date, a
 * function, a Map, a Set, a RegExp or another class's instance, a DOM node (a form alone excepted),
 * also inside an object or array, or a circular
 * object, fails the call ("Failed due to illegal value in property: …"); `undefined` inside an array
 * arrives as null. A server function whose return value holds such a value hands the success
 * handler null (a measured report; docs/fidelity.md A9–A11). Shared by the playground's bridge (the
 * page) and its server (return values), so the playground refuses what Google refuses.
 */

/** The path of the first value google.script.run cannot carry ("0", "1.due"…), or undefined. */
export function illegalValueAt(value: unknown, path = '', seen: unknown[] = []): string | undefined {
  if (value === null || value === undefined) return undefined;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return undefined;
  if (t === 'function' || t === 'symbol' || t === 'bigint' || value instanceof Date) return path || '0';
  const node = (globalThis as { Node?: new () => unknown }).Node;
  if (node && value instanceof node) return path || '0';
  if (seen.includes(value)) return path || '0';
  // Only plain objects and arrays are "objects and arrays composed of primitives": a Map, a Set, a
  // RegExp or a class instance is not (JSON would carry it as {} and lose its content). Inference
  // from the guide's list; docs/fidelity.md A9.
  // Realm-independent (the add-on's values come from a node:vm realm): a plain object's prototype is
  // some realm's Object.prototype, whose own prototype is null.
  const proto = Object.getPrototypeOf(value);
  const plain =
    Object.prototype.toString.call(value) === '[object Object]' &&
    (proto === null || Object.getPrototypeOf(proto) === null);
  if (!Array.isArray(value) && !plain) return path || '0';
  const inner = [...seen, value];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const at = illegalValueAt(v, path ? `${path}.${k}` : k, inner);
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Arguments as the server receives them: a copy, `undefined` in arrays made null. */
export function wireCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value === undefined ? null : value)) as T;
}
