/** camelCase → snake_case, for message keys (`naNeedsReason` → `na_needs_reason`). */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
