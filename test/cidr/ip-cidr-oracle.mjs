// Independent oracle for test/cidr/ip-cidr-oracle.test.ts: reads [{ cidr, probes }] as JSON on
// stdin (probes are decimal integers, or address text when asText) and answers, for each, what ip-cidr (and ip-address underneath) computes. ip-cidr 4 is
// an ES module, so it runs here in Node rather than inside jest.
import IPCIDR from "ip-cidr";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (d) => (text += d));
  process.stdin.on("end", () => resolve(text));
}));

const out = input.map(({ cidr, probes, asText }) => {
  const valid = IPCIDR.isValidCIDR(cidr);
  if (!valid) return { valid };
  const c = new IPCIDR(cidr);
  return {
    valid,
    start: c.start({ type: "bigInteger" }).toString(),
    end: c.end({ type: "bigInteger" }).toString(),
    size: c.size.toString(),
    startText: c.addressStart.correctForm(),
    contains: probes.map((p) => c.contains(asText ? p : BigInt(p))),
  };
});
process.stdout.write(JSON.stringify(out));
