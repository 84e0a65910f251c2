import { Severity } from "../finding";
import { rule } from "../rule";

export const INVALID_CIDR = rule(
  "A0-invalid-cidr", Severity.ERROR, ["A-VPC-1", "A-VSW-1", "A-SVC-1"],
  "Every CIDR must parse: an address, a prefix length in range, no host bits set.",
  "A CIDR that does not parse is reported once, with what is wrong and (for host bits) the block that was probably meant; the checks that would use it are skipped.",
);

export const UNRESOLVED_VALUE = rule(
  "T0-unresolved-token", Severity.WARNING, [],
  "Values that are unresolved tokens at synth time can't be checked.",
  "A cdktf token (a reference to another resource's attribute, a variable) has no value at synth time. The checks that need it are skipped and this warning names the value, so nothing is silently trusted. Give literals for CIDRs and sizes to have them checked.",
);

export const INPUT_RULES = [UNRESOLVED_VALUE, INVALID_CIDR];
