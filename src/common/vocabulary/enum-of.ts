/** An `as const` list seen as an enum: each value named by itself, in the list's order. */
export type EnumOf<V extends string> = { readonly [K in V]: K };

/**
 * The object form of a vocabulary, for code that names values (`Role.ADMIN`), class-validator's
 * IsEnum and GraphQL's registerEnumType. The list stays the one definition: each call returns a
 * new object, so one list can back two GraphQL enums.
 */
export function enumOf<const V extends string>(values: readonly V[]): EnumOf<V> {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as EnumOf<V>;
}
