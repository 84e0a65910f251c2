import { IConstruct } from "constructs";
import { AnnotationMetadataEntryType } from "./cdktf";

/**
 * Adds a warning or info annotation without a stack trace. cdktf's `Annotations` captures one
 * per message, which only points into this library and costs time and manifest size (issue 12);
 * the message itself names the construct path and the rule.
 */
export function annotate(scope: IConstruct, level: "warning" | "info", message: string): void {
  const type = level === "warning" ? AnnotationMetadataEntryType.WARN : AnnotationMetadataEntryType.INFO;
  scope.node.addMetadata(type, message, { stackTrace: false });
}
