// How a value from a fleet file appears inside an error message: a short,
// printable prefix. A message must never grow with its input (a megabyte
// string, or a YAML alias bomb that expands to billions of values).

const MAX_QUOTED = 40;

/** `'value'` cut to a short prefix, for strings; a kind of value for the rest. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `'${shortText(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return shortText(String(value));
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** A string cut to a short prefix, with control characters escaped. */
export function shortText(text: string, max = MAX_QUOTED): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
