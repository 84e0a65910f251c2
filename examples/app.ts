import { App, TerraformStack } from "cdktf";
import { AlicloudProvider } from "../lib/providers/alicloud/provider";
import { Vpc } from "../lib/providers/alicloud/vpc";
const app = new App();
const s = new TerraformStack(app, "probe");
new AlicloudProvider(s, "p", { region: "cn-hangzhou" });
new Vpc(s, "v", { cidrBlock: "192.168.0.0/16" });
app.synth();
