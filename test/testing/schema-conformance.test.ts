import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  assertConformance,
  checkConformance,
  checkConformanceOfDirectory,
  ConformanceCode,
  ConformanceIssue,
  ConformanceSeverity,
  createProviderSchemaBundle,
  formatIssues,
  loadProviderSchema,
  ProviderSchemaBundle,
} from "../../lib/testing";
import { fixtureConstraints, fixtureSchema } from "./fixtures/fixture-schema";

const bundle: ProviderSchemaBundle = createProviderSchemaBundle(fixtureSchema, fixtureConstraints);

const terraformBlock = { required_providers: { alicloud: { source: "aliyun/alicloud", version: "1.289.0" } } };
const validWidget = { name: "w", network: { mtu: 1500 } };
const gadgetBase = { x: "1", p: "1" };

function doc(extra: Record<string, unknown>): Record<string, unknown> {
  return { terraform: terraformBlock, provider: { alicloud: [{ region: "cn-hangzhou" }] }, ...extra };
}

function widget(body: Record<string, unknown>): ConformanceIssue[] {
  return checkConformance(doc({ resource: { alicloud_widget: { w: body } } }), bundle);
}

function gadget(body: Record<string, unknown>): ConformanceIssue[] {
  return checkConformance(doc({ resource: { alicloud_gadget: { g: body } } }), bundle);
}

/** "code@address" for compact assertions */
function keys(issues: ConformanceIssue[]): string[] {
  return issues.map((i) => `${i.code}@${i.address}`);
}

const W = "resource.alicloud_widget.w";
const G = "resource.alicloud_gadget.g";

describe("baseline", () => {
  test("a valid document with meta-arguments has no issues", () => {
    const issues = widget({
      ...validWidget,
      "//": { metadata: { path: "s/w", uniqueId: "w" } },
      depends_on: ["alicloud_gadget.g"],
      count: 2,
      provider: "alicloud.hz",
      lifecycle: { create_before_destroy: true },
      provisioner: [{ "local-exec": { command: "true" } }],
      connection: { type: "ssh" },
      id: "given",
      size: 24,
      enabled: true,
      tags: { a: "b" },
      zones: ["cn-hangzhou-a"],
      ports: [80, 443],
      spec: { cpu: 2, mem: 4 },
      pair: ["a", 1],
      anything: { whatever: [1, "x"] },
      mode: "a",
      cidr: "10.0.0.0/8",
      zone_code: "CN-Hangzhou",
      replicas: 3,
      label: "abc",
      vswitch_ids: ["vsw-1"],
      rule: [{ port: 80, protocol: "tcp" }],
      single_cfg: { x: "1" },
      entry: { one: { v: "x" } },
      timeouts: { create: "5m" },
    });
    expect(issues).toEqual([]);
  });

  test("blocks of other providers are ignored", () => {
    const issues = checkConformance(
      { resource: { aws_instance: { x: { nonsense: 1 } }, null_resource: { n: {} } }, data: { external: { e: { foo: 1 } } } },
      bundle,
    );
    expect(issues).toEqual([]);
  });

  test("accepts the JSON text returned by Testing.synth()", () => {
    const text = JSON.stringify(doc({ resource: { alicloud_widget: { w: { ...validWidget, bogus: 1 } } } }));
    expect(keys(checkConformance(text, bundle))).toEqual([`unknown-argument@${W}.bogus`]);
  });

  test("rejects non-objects", () => {
    expect(() => checkConformance(42, bundle)).toThrow(/JSON object/);
    expect(() => checkConformance("{nope", bundle)).toThrow(/not valid JSON/);
  });
});

describe("types and arguments", () => {
  test("unknown-type for resources and data sources", () => {
    const issues = checkConformance(
      doc({ resource: { alicloud_widgte: { a: {} }, alicloud_widget: { ok: validWidget } }, data: { alicloud_zone: { z: {} }, alicloud_zones: { ok: {} } } }),
      bundle,
    );
    expect(keys(issues)).toEqual(["unknown-type@resource.alicloud_widgte.a", "unknown-type@data.alicloud_zone.z"]);
    expect(issues[0]?.message).toMatch(/did you mean "alicloud_widget"/);
  });

  test("unknown-argument at top level, in nested blocks, with suggestions", () => {
    const issues = widget({ ...validWidget, nmae: "x", network: { mtu: 1500, vswitchid: "v" }, rule: [{ port: 1, portt: 2 }] });
    // issues follow document order; the spread puts "network" before "nmae"
    expect(keys(issues)).toEqual([`unknown-argument@${W}.network.vswitchid`, `unknown-argument@${W}.nmae`, `unknown-argument@${W}.rule[0].portt`]);
    expect(issues[0]?.message).toMatch(/did you mean "vswitch_id"/);
    expect(issues[1]?.message).toMatch(/did you mean "name"/);
  });

  test("meta-arguments are only meta-arguments at the top level", () => {
    expect(keys(widget({ ...validWidget, network: { mtu: 1500, count: 1 } }))).toEqual([`unknown-argument@${W}.network.count`]);
  });

  test("removed-argument (attribute and block), without a second deprecation warning", () => {
    const issues = widget({ ...validWidget, gone_field: "x", removed_block: [{ z: "1" }] });
    expect(keys(issues)).toEqual([`removed-argument@${W}.gone_field`, `removed-argument@${W}.removed_block`]);
    expect(issues[0]?.message).toBe('"gone_field" was removed in alicloud provider 1.289.0: use name instead');
    expect(issues.every((i) => i.severity === ConformanceSeverity.ERROR)).toBe(true);
    expect(widget({ ...validWidget, gone_field: null })).toEqual([]);
  });

  test("deprecated-argument is a warning (schema flag, constraints message, deprecated block)", () => {
    const issues = widget({ ...validWidget, old_field: "x", old_field2: "y", legacy_block: [{ y: "1" }] });
    expect(keys(issues)).toEqual([`deprecated-argument@${W}.old_field`, `deprecated-argument@${W}.old_field2`, `deprecated-argument@${W}.legacy_block`]);
    expect(issues.every((i) => i.severity === ConformanceSeverity.WARNING)).toBe(true);
    expect(issues[1]?.message).toMatch(/use label instead/);
    expect(widget({ ...validWidget, label: "ok" })).toEqual([]);
  });

  test("computed-only arguments cannot be set; optional+computed can", () => {
    expect(keys(widget({ ...validWidget, status: "x" }))).toEqual([`computed-only@${W}.status`]);
    expect(widget({ ...validWidget, id: "x" })).toEqual([]);
    const data = checkConformance(doc({ data: { alicloud_zones: { z: { zones: [{ id: "a" }], ids: ["a"] } } } }), bundle);
    expect(keys(data)).toEqual(["computed-only@data.alicloud_zones.z.zones"]);
  });

  test("null means unset", () => {
    expect(widget({ ...validWidget, size: null, rule: null })).toEqual([]);
    expect(keys(widget({ ...validWidget, name: null }))).toEqual([`missing-required@${W}.name`]);
  });
});

describe("wrong-type", () => {
  const cases: [string, unknown, boolean][] = [
    ["weight", 24, true],
    ["weight", "24", true],
    ["weight", "-1.5e3", true],
    ["weight", "abc", false],
    ["weight", true, false],
    ["weight", "${var.size}", true],
    ["flag", true, true],
    ["flag", "true", true],
    ["flag", "0", true],
    ["flag", "yes", false],
    ["flag", "True", false],
    ["flag", 1, false],
    ["name", 5, true],
    ["name", false, true],
    ["name", {}, false],
    ["name", ["a"], false],
    ["tags", { a: "b", c: 1 }, true],
    ["tags", ["x"], false],
    ["tags", "${local.tags}", true],
    ["zones", ["a", "${var.z}"], true],
    ["zones", "a", false],
    ["ports", [1, "2"], true],
    ["spec", { cpu: 1, mem: "2" }, true],
    ["spec", [1, 2], false],
    ["pair", ["a", 1], true],
    ["pair", ["a", "x"], false],
    ["pair", ["a"], false],
    ["anything", [{ a: 1 }], true],
  ];
  test.each(cases)("%s = %j accepted: %s", (attr, value, ok) => {
    const issues = widget({ ...validWidget, [attr]: value });
    if (ok) expect(issues).toEqual([]);
    else {
      expect(issues.length).toBe(1);
      expect(issues[0]?.code).toBe(ConformanceCode.WRONG_TYPE);
      expect(issues[0]?.address.startsWith(`${W}.${attr}`)).toBe(true);
    }
  });

  test("element addresses point into collections", () => {
    expect(keys(widget({ ...validWidget, ports: [1, "x"], tags: { a: "b", "k 1": {} }, spec: { cpu: "one", mem: 1 } }))).toEqual([
      `wrong-type@${W}.ports[1]`,
      `wrong-type@${W}.tags["k 1"]`,
      `wrong-type@${W}.spec.cpu`,
    ]);
  });

  test("object attributes: missing attribute is an error, extra attribute a warning", () => {
    const missing = widget({ ...validWidget, spec: { cpu: 1 } });
    expect(keys(missing)).toEqual([`wrong-type@${W}.spec.mem`]);
    const extra = widget({ ...validWidget, spec: { cpu: 1, mem: 1, gpu: 1 } });
    expect(keys(extra)).toEqual([`wrong-type@${W}.spec.gpu`]);
    expect(extra[0]?.severity).toBe(ConformanceSeverity.WARNING);
  });

  test("block shapes: cdktf renders MaxItems:1 list blocks as objects, other list blocks as arrays", () => {
    expect(widget({ name: "w", network: { mtu: 1500 } })).toEqual([]);
    expect(widget({ name: "w", network: [{ mtu: 1500 }] })).toEqual([]);
    const obj = widget({ ...validWidget, rule: { port: 1 } });
    expect(keys(obj)).toEqual([`wrong-type@${W}.rule`]);
    expect(obj[0]?.severity).toBe(ConformanceSeverity.WARNING);
    expect(widget({ ...validWidget, rule: [{ port: 1 }, { port: 2 }] })).toEqual([]);
    expect(keys(widget({ ...validWidget, rule: ["x"] }))).toEqual([`wrong-type@${W}.rule[0]`]);
    expect(keys(widget({ ...validWidget, rule: 3 }))).toEqual([`wrong-type@${W}.rule`]);
    expect(keys(widget({ ...validWidget, single_cfg: "x" }))).toEqual([`wrong-type@${W}.single_cfg`]);
    expect(keys(widget({ ...validWidget, entry: [{ v: "x" }] }))).toEqual([`wrong-type@${W}.entry`]);
    expect(keys(widget({ ...validWidget, entry: { k: "x" } }))).toEqual([`wrong-type@${W}.entry.k`]);
  });

  test("a Terraform expression cannot stand in for a nested block", () => {
    const issues = widget({ ...validWidget, rule: "${var.rules}" });
    expect(keys(issues)).toEqual([`wrong-type@${W}.rule`]);
    expect(issues[0]?.message).toMatch(/dynamic block/);
  });
});

describe("required arguments and counts", () => {
  test("missing-required: attributes, min_items blocks, inside nested blocks", () => {
    expect(keys(widget({ network: { mtu: 1500 } }))).toEqual([`missing-required@${W}.name`]);
    expect(keys(widget({ name: "w" }))).toEqual([`missing-required@${W}.network`]);
    expect(keys(widget({ ...validWidget, rule: [{ port: 1 }, { protocol: "tcp" }] }))).toEqual([`missing-required@${W}.rule[1].port`]);
    expect(keys(widget({ ...validWidget, name: "${var.name}" }))).toEqual([]);
  });

  test("item-count: min/max items of blocks and length of collections", () => {
    expect(keys(widget({ name: "w", network: [] }))).toEqual([`item-count@${W}.network`]);
    expect(keys(widget({ name: "w", network: [{}, {}] }))).toEqual([`item-count@${W}.network`]);
    expect(keys(widget({ ...validWidget, rule: [{ port: 1 }, { port: 2 }, { port: 3 }] }))).toEqual([`item-count@${W}.rule`]);
    expect(keys(widget({ ...validWidget, single_cfg: [{}, {}] }))).toEqual([`item-count@${W}.single_cfg`]);
    expect(keys(widget({ ...validWidget, vswitch_ids: [] }))).toEqual([`item-count@${W}.vswitch_ids`]);
    expect(keys(widget({ ...validWidget, vswitch_ids: ["vsw-1", "vsw-2", "vsw-3", "vsw-4"] }))).toEqual([`item-count@${W}.vswitch_ids`]);
    expect(widget({ ...validWidget, vswitch_ids: ["vsw-1", "vsw-2", "vsw-3"] })).toEqual([]);
    expect(keys(widget({ ...validWidget, tags: { a: "1", b: "2", c: "3" } }))).toEqual([`item-count@${W}.tags`]);
    expect(widget({ ...validWidget, vswitch_ids: "${var.ids}" })).toEqual([]);
  });

  test("string-length for string attributes with a length constraint", () => {
    expect(keys(widget({ ...validWidget, label: "a" }))).toEqual([`string-length@${W}.label`]);
    expect(keys(widget({ ...validWidget, label: "abcdefghi" }))).toEqual([`string-length@${W}.label`]);
    expect(widget({ ...validWidget, label: "ab" })).toEqual([]);
    expect(widget({ ...validWidget, label: "${var.l}" })).toEqual([]);
  });
});

describe("value constraints", () => {
  test("not-allowed (with Terraform's conversions, nested paths, data sources)", () => {
    expect(keys(widget({ ...validWidget, mode: "c" }))).toEqual([`not-allowed@${W}.mode`]);
    expect(widget({ ...validWidget, mode: "b" })).toEqual([]);
    expect(widget({ ...validWidget, mode: "${var.mode}" })).toEqual([]);
    expect(widget({ ...validWidget, size: "24" })).toEqual([]);
    expect(keys(widget({ ...validWidget, size: 3 }))).toEqual([`not-allowed@${W}.size`]);
    expect(widget({ ...validWidget, enabled: "1" })).toEqual([]);
    expect(keys(widget({ ...validWidget, enabled: false }))).toEqual([`not-allowed@${W}.enabled`]);
    expect(keys(widget({ ...validWidget, rule: [{ port: 1, protocol: "tcp" }, { port: 2, protocol: "icmp" }] }))).toEqual([`not-allowed@${W}.rule[1].protocol`]);
    const data = checkConformance(
      doc({ data: { alicloud_zones: { z: { available_resource_creation: "Disk" }, ok: { available_resource_creation: "VSwitch" } } } }),
      bundle,
    );
    expect(keys(data)).toEqual(["not-allowed@data.alicloud_zones.z.available_resource_creation"]);
  });

  test("out-of-range (numbers, numeric strings, nested blocks, object attributes)", () => {
    expect(keys(widget({ ...validWidget, replicas: 11 }))).toEqual([`out-of-range@${W}.replicas`]);
    expect(keys(widget({ ...validWidget, replicas: "0" }))).toEqual([`out-of-range@${W}.replicas`]);
    expect(widget({ ...validWidget, replicas: 10 })).toEqual([]);
    expect(widget({ ...validWidget, replicas: "5" })).toEqual([]);
    expect(keys(widget({ name: "w", network: { mtu: 100 } }))).toEqual([`out-of-range@${W}.network.mtu`]);
    expect(keys(widget({ ...validWidget, spec: { cpu: 0, mem: 1 } }))).toEqual([`out-of-range@${W}.spec.cpu`]);
    expect(widget({ ...validWidget, spec: { cpu: "${var.cpu}", mem: 1 } })).toEqual([]);
  });

  test("pattern-mismatch (unanchored RE2 semantics, (?i) flag, list elements)", () => {
    expect(keys(widget({ ...validWidget, cidr: "banana" }))).toEqual([`pattern-mismatch@${W}.cidr`]);
    expect(widget({ ...validWidget, cidr: "192.168.0.0/16" })).toEqual([]);
    expect(widget({ ...validWidget, zone_code: "CN-beijing" })).toEqual([]);
    expect(keys(widget({ ...validWidget, zone_code: "us-east" }))).toEqual([`pattern-mismatch@${W}.zone_code`]);
    expect(keys(widget({ ...validWidget, vswitch_ids: ["vsw-1", "sg-2", "${var.v}"] }))).toEqual([`pattern-mismatch@${W}.vswitch_ids[1]`]);
  });
});

describe("argument groups", () => {
  test("exactly-one-of: none or several set", () => {
    expect(keys(gadget({ p: "1" }))).toEqual([`exactly-one-of@${G}`]);
    expect(keys(gadget({ ...gadgetBase, y: "2" }))).toEqual([`exactly-one-of@${G}`]);
    expect(gadget({ ...gadgetBase })).toEqual([]);
    expect(gadget({ y: "${var.y}", p: "1" })).toEqual([]);
  });

  test("exactly-one-of inside a nested block is evaluated per block", () => {
    const issues = gadget({ ...gadgetBase, cfg: [{ m: "1" }, { m: "1", n: "2" }, { n: "3" }] });
    expect(keys(issues)).toEqual([`exactly-one-of@${G}.cfg[1]`]);
  });

  test("at-least-one-of", () => {
    expect(keys(gadget({ x: "1" }))).toEqual([`at-least-one-of@${G}`]);
    expect(gadget({ x: "1", q: "1" })).toEqual([]);
  });

  test("conflicts-with", () => {
    expect(keys(gadget({ ...gadgetBase, r: "1", s: "2" }))).toEqual([`conflicts-with@${G}.r`]);
    expect(gadget({ ...gadgetBase, r: "1" })).toEqual([]);
    expect(gadget({ ...gadgetBase, s: "1" })).toEqual([]);
  });

  test("required-with: the first key needs the others", () => {
    expect(keys(gadget({ ...gadgetBase, u: "1" }))).toEqual([`required-with@${G}.u`]);
    expect(gadget({ ...gadgetBase, u: "1", v: "2" })).toEqual([]);
    expect(gadget({ ...gadgetBase, v: "2" })).toEqual([]);
  });
});

describe("dynamic blocks", () => {
  test("dynamic blocks are checked against the block schema and satisfy min_items", () => {
    const dyn = (spec: Record<string, unknown>): ConformanceIssue[] => widget({ name: "w", dynamic: spec });
    expect(dyn({ network: { for_each: "${var.n}", iterator: "each", content: { mtu: "${each.value}" } } })).toEqual([]);
    expect(keys(dyn({ network: { for_each: "${var.n}", content: { mtux: 1 } } }))).toEqual([`unknown-argument@${W}.dynamic.network.content.mtux`]);
    expect(keys(widget({ ...validWidget, dynamic: { rule: { for_each: "${var.r}", content: { protocol: "tcp" } } } }))).toEqual([
      `missing-required@${W}.dynamic.rule.content.port`,
    ]);
    expect(keys(widget({ ...validWidget, dynamic: { rulez: { for_each: "${var.r}", content: {} } } }))).toEqual([`unknown-argument@${W}.dynamic.rulez`]);
    expect(keys(widget({ ...validWidget, dynamic: { size: { for_each: "${var.r}", content: {} } } }))).toEqual([`wrong-type@${W}.dynamic.size`]);
  });
});

describe("provider configuration", () => {
  test("provider.alicloud blocks are checked against the provider schema", () => {
    const run = (p: unknown): ConformanceIssue[] => checkConformance({ terraform: terraformBlock, provider: { alicloud: p } }, bundle);
    expect(run([{ region: "cn-hangzhou" }, { alias: "bj", region: "cn-beijing" }])).toEqual([]);
    expect(run({ region: "cn-hangzhou", assume_role: { role_arn: "acs:ram::1:role/x" } })).toEqual([]);
    expect(keys(run([{ regoin: "cn-hangzhou" }]))).toEqual(["unknown-argument@provider.alicloud.regoin"]);
    expect(keys(run([{}, { alias: "bj", assume_role: { session_name: "s" } }]))).toEqual(["missing-required@provider.alicloud.bj.assume_role.role_arn"]);
    expect(keys(run([{ region: 1, version: "~> 1.0" }]))).toEqual([]);
    expect(keys(run([{ region: ["x"] }]))).toEqual(["wrong-type@provider.alicloud.region"]);
  });

  test("provider-source warns unless required_providers.alicloud.source ends with aliyun/alicloud", () => {
    const resource = { alicloud_widget: { w: validWidget } };
    const run = (terraform: unknown): ConformanceIssue[] => checkConformance({ terraform, resource }, bundle);
    expect(run(terraformBlock)).toEqual([]);
    expect(run({ required_providers: { alicloud: { source: "registry.terraform.io/aliyun/alicloud", version: "= 1.289.0" } } })).toEqual([]);
    const wrong = run({ required_providers: { alicloud: { source: "hashicorp/alicloud", version: "1.289.0" } } });
    expect(keys(wrong)).toEqual(["provider-source@terraform.required_providers.alicloud.source"]);
    expect(wrong[0]?.severity).toBe(ConformanceSeverity.WARNING);
    expect(keys(run(undefined))).toEqual(["provider-source@terraform.required_providers.alicloud"]);
    expect(keys(run({ required_providers: { alicloud: "~> 1.200" } }))).toEqual([
      "provider-source@terraform.required_providers.alicloud.source", "provider-version@terraform.required_providers.alicloud.version",
    ]);
    expect(checkConformance({ resource: { aws_vpc: { v: {} } } }, bundle)).toEqual([]);
  });

  test("provider-version warns unless required_providers.alicloud.version pins the checked version exactly", () => {
    const resource = { alicloud_widget: { w: validWidget } };
    const run = (version: unknown): ConformanceIssue[] =>
      checkConformance({ terraform: { required_providers: { alicloud: { source: "aliyun/alicloud", version } } }, resource }, bundle);
    expect(run("= 1.289.0")).toEqual([]);
    expect(run("1.289.0")).toEqual([]);
    for (const loose of [undefined, "~> 1.289.0", ">= 1.289.0", "= 1.290.0"]) {
      const issues = run(loose);
      expect(keys(issues)).toEqual(["provider-version@terraform.required_providers.alicloud.version"]);
      expect(issues[0]?.severity).toBe(ConformanceSeverity.WARNING);
    }
    // A bundle without a pinned version (no constraints file) can't judge the constraint.
    const unpinned = createProviderSchemaBundle(fixtureSchema);
    expect(checkConformance({ terraform: { required_providers: { alicloud: { source: "aliyun/alicloud" } } }, resource }, unpinned)).toEqual([]);
  });
});

describe("reporting", () => {
  test("codes are stable strings", () => {
    expect(Object.values(ConformanceCode).sort()).toEqual(
      [
        "unknown-type",
        "unknown-argument",
        "removed-argument",
        "deprecated-argument",
        "deprecated-type",
        "computed-only",
        "wrong-type",
        "missing-required",
        "item-count",
        "string-length",
        "not-allowed",
        "out-of-range",
        "pattern-mismatch",
        "exactly-one-of",
        "at-least-one-of",
        "conflicts-with",
        "required-with",
        "provider-source",
        "provider-version",
      ].sort(),
    );
  });

  test("formatIssues lists errors first with a summary", () => {
    const issues = widget({ ...validWidget, old_field: "x", mode: "zzz" });
    const text = formatIssues(issues);
    expect(text.split("\n")).toEqual([
      "schema conformance: 1 error, 1 warning",
      expect.stringMatching(/^ {2}error +not-allowed +resource\.alicloud_widget\.w\.mode: "zzz" is not one of "a", "b"$/),
      expect.stringMatching(/^ {2}warning +deprecated-argument +resource\.alicloud_widget\.w\.old_field: /),
    ]);
    expect(formatIssues([])).toBe("schema conformance: no issues");
  });

  test("assertConformance throws formatIssues(...) on errors only", () => {
    const bad = doc({ resource: { alicloud_widget: { w: { ...validWidget, mode: "zzz" } } } });
    expect(() => assertConformance(bad, bundle)).toThrow(formatIssues(checkConformance(bad, bundle)));
    expect(() => assertConformance(doc({ resource: { alicloud_widget: { w: { ...validWidget, old_field: "x" } } } }), bundle)).not.toThrow();
  });
});

describe("files", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-"));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("loadProviderSchema reads explicit paths, defaults the constraints file next to the schema, caches", () => {
    const sp = path.join(tmp, "alicloud-schema.json");
    fs.writeFileSync(sp, JSON.stringify(fixtureSchema));
    const withoutConstraints = loadProviderSchema(sp);
    expect(withoutConstraints.resourceConstraints.size).toBe(0);
    fs.writeFileSync(path.join(tmp, "alicloud-constraints.json"), JSON.stringify(fixtureConstraints));
    const loaded = loadProviderSchema(sp);
    expect(loaded.providerVersion).toBe("1.289.0");
    expect(loaded.resources.has("alicloud_widget")).toBe(true);
    expect(loadProviderSchema(sp)).toBe(loaded);
    expect(() => loadProviderSchema(sp, path.join(tmp, "missing.json"))).toThrow(/not found/);
  });

  test("malformed schema or constraints files fail loudly", () => {
    const sp = path.join(tmp, "s.json");
    const cp = path.join(tmp, "c.json");
    fs.writeFileSync(sp, JSON.stringify(fixtureSchema));
    fs.writeFileSync(cp, JSON.stringify({ resources: { alicloud_widget: { attributes: { cidr: { pattern: "([" } } } } }));
    expect(() => loadProviderSchema(sp, cp)).toThrow(/invalid regular expression/);
    fs.writeFileSync(cp, JSON.stringify({ resources: { alicloud_widget: { exactly_one_of: ["x"] } } }));
    expect(() => loadProviderSchema(sp, cp)).toThrow(/exactly_one_of\[0\]/);
    fs.writeFileSync(sp, "{");
    expect(() => loadProviderSchema(sp, cp)).toThrow(/invalid JSON/);
  });

  test("checkConformanceOfDirectory checks every stacks/*/cdk.tf.json and tags the stack", () => {
    for (const [stack, body] of [
      ["a", validWidget],
      ["b", { ...validWidget, bogus: 1 }],
    ] as const) {
      fs.mkdirSync(path.join(tmp, "stacks", stack), { recursive: true });
      fs.writeFileSync(path.join(tmp, "stacks", stack, "cdk.tf.json"), JSON.stringify(doc({ resource: { alicloud_widget: { w: body } } })));
    }
    const issues = checkConformanceOfDirectory(tmp, bundle);
    expect(issues.map((i) => `${i.stack}:${i.code}@${i.address}`)).toEqual([`b:unknown-argument@${W}.bogus`]);
    expect(formatIssues(issues)).toContain(`[b] ${W}.bogus`);
    expect(() => checkConformanceOfDirectory(path.join(tmp, "nope"), bundle)).toThrow(/no stacks/);
  });
});

describe("real provider schema", () => {
  test("loads provider/alicloud-schema.json and accepts a tiny valid alicloud_vpc document", () => {
    const real = loadProviderSchema();
    expect(real.providerAddress).toMatch(/aliyun\/alicloud$/);
    expect(real.resources.get("alicloud_vpc")?.attributes.has("cidr_block")).toBe(true);
    const vpcDoc = {
      terraform: { required_providers: { alicloud: { source: "aliyun/alicloud" } } },
      resource: { alicloud_vpc: { main: { cidr_block: "10.0.0.0/8", vpc_name: "ack-vpc" } } },
    };
    expect(checkConformance(vpcDoc, real).filter((i) => i.severity === ConformanceSeverity.ERROR)).toEqual([]);
    expect(() => assertConformance(vpcDoc)).not.toThrow();
    expect(keys(checkConformance({ resource: { alicloud_vpc: { main: { cidr_blok: "10.0.0.0/8" } } } }, real))).toContain(
      "unknown-argument@resource.alicloud_vpc.main.cidr_blok",
    );
  });

  test("real cdktf output (with // metadata, provider arrays) conforms via checkConformanceOfDirectory", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-cdktf-"));
    try {
      class Alicloud extends TerraformProvider {
        constructor(scope: Construct, id: string, private readonly region: string) {
          super(scope, id, { terraformResourceType: "alicloud", terraformProviderSource: "aliyun/alicloud" });
        }
        protected synthesizeAttributes(): { [name: string]: unknown } {
          return { region: this.region };
        }
      }
      class Vpc extends TerraformResource {
        constructor(scope: Construct, id: string, private readonly cidr: string) {
          super(scope, id, { terraformResourceType: "alicloud_vpc" });
        }
        protected synthesizeAttributes(): { [name: string]: unknown } {
          return { cidr_block: this.cidr, vpc_name: "ack" };
        }
      }
      const app = new App({ outdir, skipValidation: true });
      const stack = new TerraformStack(app, "net");
      new Alicloud(stack, "alicloud", "cn-hangzhou");
      new Vpc(stack, "vpc", "10.0.0.0/8");
      app.synth();
      const issues = checkConformanceOfDirectory(outdir);
      expect(issues.filter((i) => i.severity === ConformanceSeverity.ERROR)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("deprecated resource types (real provider schema)", () => {
  test("a deprecated resource type is a warning; a current one is not", () => {
    const bundle = loadProviderSchema();
    const doc = (type: string, body: Record<string, unknown>) => ({ resource: { [type]: { x: body } } });
    const old = checkConformance(doc("alicloud_router_interface_connection", { interface_id: "ri-1", opposite_interface_id: "ri-2" }), bundle);
    expect(old.filter((i) => i.code === "deprecated-type").map((i) => i.severity)).toEqual(["warning"]);
    const current = checkConformance(doc("alicloud_vpc", { cidr_block: "10.0.0.0/16" }), bundle);
    expect(current.filter((i) => i.code === "deprecated-type")).toEqual([]);
  });
});
