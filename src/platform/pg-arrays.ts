/**
 * PostgreSQL array literals, passed as one parameter and cast in SQL
 * (`${textArray(xs)}::text[]`): drizzle would spread a JavaScript array into
 * a list of parameters.
 */
export const intArray = (xs: readonly number[]) => `{${xs.map((x) => Math.trunc(x)).join(',')}}`;

export const textArray = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
