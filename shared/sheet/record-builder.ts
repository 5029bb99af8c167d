/**
 * Records built from decoded field values, fast from the first call (the codec's hot path; see
 * `recordBuilder`).
 */

/**
 * A function that makes one record from its field values in column order, as one object literal.
 * Built from the tab's own field names (identifiers of the TabSpec, checked below, never data), it
 * is what turns a million decoded cells into records fast from the first call: filling `{}` field
 * by field, or copying a template, cost 2–3× as much before the JIT warmed up (measured at 50,000
 * order lines: 230 ms against 440–700 ms), and a CLI command or an Apps Script execution decodes
 * once, cold. zod compiles its object parsers the same way, with the same fallback: where code
 * generation is switched off, records are filled field by field.
 */
export function recordBuilder(
  names: readonly string[],
): (values: readonly unknown[]) => Record<string, unknown> {
  const key = names.join(',');
  let build = builders.get(key);
  if (!build) {
    build = compiledBuilder(names) ?? ((values) => plainRecord(names, values));
    builders.set(key, build);
  }
  return build;
}

/** The literal-building function, or undefined where code generation is switched off (CSP, jitless). */
function compiledBuilder(
  names: readonly string[],
): ((values: readonly unknown[]) => Record<string, unknown>) | undefined {
  if (names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === '__proto__')) return undefined;
  try {
    return new Function('v', `return {${names.map((n, i) => `${n}: v[${i}]`).join(', ')}};`) as (
      values: readonly unknown[],
    ) => Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The same record, field by field: the fallback where code generation is refused. */
function plainRecord(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) record[names[i] as string] = values[i];
  return record;
}

const builders = new Map<string, (values: readonly unknown[]) => Record<string, unknown>>();
