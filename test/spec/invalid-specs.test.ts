/**
 * The catalogue of invalid spec files (test/spec/invalid/*.yaml). Each file names what it
 * breaks in its first comment line; EXPECTED says which rule must fire and on which line
 * (YAML). A `<file>.lock.json` next to a file is its lock (change-guard cases).
 */
import * as fs from "fs";
import * as path from "path";
import { Severity } from "../../lib/plan/finding";
import { CATALOGUE } from "../../lib/plan/catalogue";
import { FLEET_RULES } from "../../lib/plan/rules/fleet-rules";
import { checkSpecFile } from "../../lib/spec/check-spec";

const DIR = path.join(__dirname, "invalid");

/** file -> [rule id, line]. The line is where the offending value is written. */
const EXPECTED: Record<string, [string, number]> = {
  "s0-yaml-syntax": ["S0-spec-syntax", 10],
  "s1-unknown-field": ["S1-spec-schema", 9],
  "s1-wrong-type": ["S1-spec-schema", 10],
  "s1-missing-region": ["S1-spec-schema", 2],
  "s1-bad-enum": ["S1-spec-schema", 9],
  "s1-bad-name": ["S1-spec-schema", 8],
  "s1-pods-per-node": ["S1-spec-schema", 9],
  "a0-host-bits": ["A0-invalid-cidr", 11],
  "a0-pool-cidr": ["A0-invalid-cidr", 5],
  "s2-duplicate-cluster": ["S2-duplicate-name", 13],
  "s3-unknown-link-cluster": ["S3-unknown-reference", 15],
  "s3-unknown-connection-vpc": ["S3-unknown-reference", 14],
  "s4-plugin-for-type": ["S4-cni-mismatch", 9],
  "s4-field-of-other-plugin": ["S4-cni-mismatch", 9],
  "s5-size-and-min": ["S5-conflicting-fields", 12],
  "s5-shared-with-cidr": ["S5-conflicting-fields", 11],
  "s6-missing-zones": ["S6-missing-field", 8],
  "p1-pool-exhausted": ["P1-pool-exhausted", 13],
  "p2-pool-missing": ["P2-pool-missing", 8],
  "a12-vpc-space": ["A12-vpc-space", 11],
  "c3-shared-vpc-pod-overlap": ["C3-other-cluster-overlap", 15],
  "c4-shared-vpc-service-reuse": ["C4-service-reuse", 19],
  "c5-connected-overlap": ["C5-connected-overlap", 17],
  "c6-data-center-overlap": ["C6-data-center-overlap", 9],
  "j1-vlan-unique": ["J1-vlan-unique", 18],
  "i11-edge-pool-interconnect": ["I11-edge-pool-interconnect", 15],
  "v2-kubernetes-version-creatable": ["V2-kubernetes-version-creatable", 8],
  "k1-cni-changed": ["K1-cni-changed", 9],
  "k2-service-cidr-changed": ["K2-service-cidr-changed", 16],
  "k3-pod-cidr-changed": ["K3-pod-cidr-changed", 9],
  "k3-edge-pod-cidr-changed": ["K3-edge-pod-cidr-changed", 11],
  "k4-pods-per-node-changed": ["K4-pods-per-node-changed", 9],
  "k5-ip-stack-changed": ["K5-ip-stack-changed", 14],
  "k5-proxy-mode-changed": ["K5-proxy-mode-changed", 16],
  "k5-profile-changed": ["K5-profile-changed", 9],
  "k5-security-group-changed": ["K5-security-group-changed", 14],
  "k6-vpc-changed": ["K6-vpc-changed", 9],
  "k6-spec-downgrade": ["K6-spec-downgrade", 14],
  "k7-datapath-v2-changed": ["K7-datapath-v2-changed", 14],
  "k7-eni-mode-changed": ["K7-eni-mode-changed", 17],
  "k8-create-only-ignored": ["K8-create-only-ignored", 15],
  "k9-physical-connection-changed": ["K9-physical-connection-changed", 16],
  "l3-lock-invalid": ["L3-lock-invalid", 0],
  "l4-lock-foreign": ["L4-lock-foreign", 0],
  "s7-nesting-depth": ["S7-spec-limits", 11],
};

const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();

describe("invalid spec catalogue", () => {
  test("every file has an expectation and every expectation a file", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(files)("%s fails with its rule id at its line", (name) => {
    const [ruleId, line] = EXPECTED[name];
    const file = path.join(DIR, `${name}.yaml`);
    const check = checkSpecFile(file);
    const hit = check.findings.find((f) => f.ruleId === ruleId);
    expect(hit).toBeDefined();
    if (line > 0) expect({ rule: hit?.ruleId, line: hit?.line }).toEqual({ rule: ruleId, line });
    else expect(hit?.file).toMatch(/\.lock\.json$/);
    expect(hit?.file).toContain(name);
    // Warnings (K8) do not fail; everything else does.
    if (hit?.severity === Severity.ERROR) expect(check.hasErrors).toBe(true);
    else expect(check.hasErrors).toBe(false);
    // No stack traces, no "undefined" in messages.
    for (const f of check.findings) expect(f.message).not.toMatch(/\n\s+at |undefined/);
  });

  test("every fleet rule that a spec can break has a file (infos and K0 are tested in test/fleet, L5 (file system) in test/fleet/fleet-construct)", () => {
    const covered = new Set(Object.values(EXPECTED).map(([id]) => id));
    const untestedHere = new Set(["K0-replace-acknowledged", "L1-removed-cluster-held", "L2-lock-outdated", "L5-lock-write"]);
    for (const r of FLEET_RULES) if (!untestedHere.has(r.id)) expect(covered).toContain(r.id);
    for (const id of covered) expect(CATALOGUE.map((r) => r.id)).toContain(id);
  });

  test("schema errors name the file, the path in clusters[2].cni.podCidr form, and the line", () => {
    const check = checkSpecFile(path.join(DIR, "s1-unknown-field.yaml"));
    expect(check.unreadable).toBe(true);
    expect(check.findings[0]).toMatchObject({ path: "clusters[0].cni.podCIDR", line: 9 });
    expect(check.findings[0].file).toMatch(/s1-unknown-field\.yaml$/);
  });

  test("a bad CIDR carries the lib/cidr message", () => {
    const check = checkSpecFile(path.join(DIR, "a0-host-bits.yaml"));
    expect(check.findings[0].message).toBe("172.21.0.1/20 has host bits set; did you mean 172.21.0.0/20?");
    expect(check.findings[0].path).toBe("clusters[0].serviceCidr");
  });
});
