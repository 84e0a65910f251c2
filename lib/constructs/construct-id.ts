import { IConstruct } from "constructs";
import { addPlanValidation } from "./validation";
import { DUPLICATE_NAME } from "../plan/rules/fleet-rules";

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

/**
 * A construct id for `name` under `scope` that is free: `constructId(name)`, or, when a
 * sibling already has it (a user name given twice), that id with `~2`, `~3`, ... The caller
 * reports the repeat as S2-duplicate-name at synth instead of the constructs library throwing.
 */
export function freeChildId(scope: IConstruct, name: string): { id: string; duplicate: boolean } {
  const base = constructId(name);
  if (scope.node.tryFindChild(base) === undefined) return { id: base, duplicate: false };
  let n = 2;
  while (scope.node.tryFindChild(`${base}~${n}`) !== undefined) n++;
  return { id: `${base}~${n}`, duplicate: true };
}

/** S2-duplicate-name at synth on a node pool whose name its cluster already has (see freeChildId). */
export function reportDuplicatePool(pool: IConstruct, duplicate: boolean, clusterName: string, name: string): void {
  if (!duplicate) return;
  addPlanValidation(pool, () => [{
    ruleId: DUPLICATE_NAME.id, severity: DUPLICATE_NAME.severity, sources: DUPLICATE_NAME.sources,
    path: `${clusterName}.nodePools[${name}]`, message: `a node pool named ${name} is already in cluster ${clusterName}; give each pool its own name (they name the ACK node pools).`,
  }]);
}
