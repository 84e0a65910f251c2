import { Finding, Severity } from "../finding";
import { RuleInfo, rule } from "../rule";

/** Security baselines that are not about addresses: reported as warnings, never errors. */

export const SECRETS_ENCRYPTION = rule(
  "G8-secrets-encryption", Severity.WARNING, ["G-2"],
  "An ACK Pro (or ACK Edge Pro) cluster encrypts its Secrets at rest with a KMS key.",
  "Pro clusters can encrypt Kubernetes Secrets in etcd with a KMS key (`encryption_provider_key`, construct prop `secretsEncryptionKeyId`, spec `secretsEncryptionKeyId`); Basic clusters can't. Alibaba Cloud's guide asks for it because a leaked Secret exposes credentials across services (\"Use KMS to encrypt Kubernetes Secrets at rest\", provider/README.md, \"Compliance warnings\"). The key must be in the cluster's region; once set, never disable or delete it (the API server would stop serving Secrets).",
);

export const COMPLIANCE_RULES: RuleInfo[] = [SECRETS_ENCRYPTION];

/** The Secret-encryption check of one cluster. Pure. */
export function checkSecretsEncryption(clusterName: string, clusterSpec: string | undefined, keyGiven: boolean): Finding[] {
  if (keyGiven || clusterSpec === undefined || !clusterSpec.startsWith("ack.pro.")) return [];
  return [{
    ruleId: SECRETS_ENCRYPTION.id, severity: SECRETS_ENCRYPTION.severity, sources: SECRETS_ENCRYPTION.sources,
    path: `${clusterName}.secretsEncryptionKeyId`,
    message: `the ${clusterSpec} cluster stores Secrets in etcd without KMS encryption; give secretsEncryptionKeyId (a KMS key id in the cluster's region).`,
  }];
}
