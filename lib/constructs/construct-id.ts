/**
 * Construct ids from user names. The `constructs` library keeps children in a plain object
 * (`this._children[childName]`), so a child named after an Object.prototype member
 * (`constructor`, `toString`, ...) is refused as "already a Construct with name ...". Such
 * names get a trailing `_` as construct id (never a valid spec name, so no clash); resource
 * names, lock keys and messages keep the name as given.
 */
export function constructId(name: string): string {
  return name in Object.prototype ? `${name}_` : name;
}
