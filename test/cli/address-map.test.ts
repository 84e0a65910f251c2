/**
 * The report picture: log scale per block (a /24 next to a /17 stays readable, order kept),
 * fill gauges with "close to full" / "over capacity", no "% used" for blocks that are merely
 * allocated, and hybrid links drawn with their routes.
 */
import { Cidr } from "../../lib/cidr";
import { AddressSpace, MapRange, MapSpan, RangeRole } from "../../lib/cli/address-space";
import { CLOSE_TO_FULL, logScaleX, renderAddressMap } from "../../lib/cli/address-map-svg";
import { RouteNextHop, RouteOrigin, RouteTableKind } from "../../lib/plan/hybrid";

const range = (cidr: string, role: RangeRole, fill?: { demand: number; usable: number }): MapRange => ({
  owner: "prod", role, cidr: Cidr.parse(cidr), source: "lock", zone: "cn-hangzhou-i",
  fill: fill ? { ...fill, unit: role === RangeRole.POD_VSWITCH ? "pod IPs" : "node IPs" } : undefined,
});

const vpc: MapSpan = {
  title: "VPC prod",
  cidr: Cidr.parse("10.64.0.0/15"),
  ranges: [
    range("10.64.0.0/24", RangeRole.NODE_VSWITCH, { demand: 240, usable: 252 }),
    range("10.64.1.0/24", RangeRole.NODE_VSWITCH, { demand: 20, usable: 252 }),
    range("10.64.128.0/17", RangeRole.POD_VSWITCH, { demand: 40_000, usable: 32_764 }),
  ],
};

describe("log scale per block", () => {
  it("gives a /24 a readable share of a /15 (linear: 0.2%) and keeps address order", () => {
    const w24 = logScaleX(vpc, Cidr.parse("10.64.1.0/24").start) - logScaleX(vpc, Cidr.parse("10.64.0.0/24").start);
    expect(w24 / 1000).toBeGreaterThan(0.05);
    const w17 = logScaleX(vpc, Cidr.parse("10.65.0.0/17").start) - logScaleX(vpc, Cidr.parse("10.64.128.0/17").start);
    expect(w17).toBeGreaterThan(w24);
    const xs = ["10.64.0.0", "10.64.0.200", "10.64.1.0", "10.64.2.0", "10.64.100.0", "10.64.128.0", "10.65.0.0", "10.65.255.255"]
      .map((a) => logScaleX(vpc, Cidr.parse(`${a}/32`).start));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
    expect(logScaleX(vpc, vpc.cidr.start)).toBe(0);
    expect(logScaleX(vpc, vpc.cidr.end + 1n)).toBeCloseTo(1000, 6);
  });
});

describe("the picture", () => {
  const link = {
    name: "idc", cluster: "factory", vpcCidr: "192.168.0.0/16", connectivity: "router-interface", dataCenterCidrs: ["172.16.0.0/16"],
    routes: [{ table: RouteTableKind.VPC, destination: "172.16.0.0/16", nextHop: RouteNextHop.VBR, origin: RouteOrigin.STATIC, reason: "cloud -> data centre", ruleId: "I7-hybrid-routes" }],
    dataCenterRoutes: [],
  };
  const given: MapSpan = { title: "given ranges in 192.168.0.0/16", cidr: Cidr.parse("192.168.0.0/16"), ranges: [range("192.168.0.0/16", RangeRole.VPC)] };
  const space: AddressSpace = { pools: [given], vpcs: [vpc], links: [link] };
  const svg = renderAddressMap(space, "Address map: t", "test");

  it("ranks the fullest ranges first and names close-to-full and over-capacity ones", () => {
    expect(CLOSE_TO_FULL).toBe(0.8);
    const order = ["10.64.128.0/17", "10.64.0.0/24", "10.64.1.0/24"].map((c) => svg.indexOf(`>${c}<`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(svg).toContain("40,000 / 32,764 pod IPs over capacity (122%)");
    expect(svg).toContain("240 / 252 node IPs close to full (95%)");
    expect(svg).toContain("20 / 252 node IPs at planned max (8%)");
  });

  it("says allocated or carved, never that a VPC is 100% used", () => {
    expect(svg).not.toMatch(/% used/);
    expect(svg).toContain("1 range given outside the pools");
    expect(svg).toMatch(/carved into 3 vSwitches; fullest 122%/);
  });

  it("draws each hybrid link with its routes", () => {
    expect(svg).toContain("Hybrid link idc: cluster factory");
    expect(svg).toMatch(/VPC route table<\/text>.*172\.16\.0\.0\/16<\/text>.*→ vbr/s);
  });
});
