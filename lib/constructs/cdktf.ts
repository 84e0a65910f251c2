/**
 * The one module of the hand-written constructs that imports the cdktf runtime. Everything
 * else imports these names from here, so that building against CDK Terrain (`cdktn`, the
 * maintained fork of cdktf) means changing this file (and regenerating the bindings).
 */
export {
  AnnotationMetadataEntryType,
  Annotations,
  App,
  Aspects,
  Fn,
  Lazy,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Token,
} from "cdktf";
export type { IAspect, IResolvable, ISynthesisSession } from "cdktf";
