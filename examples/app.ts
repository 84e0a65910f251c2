import { App } from "cdktf";
import { FlannelSmallStack } from "./flannel-small";
import { TerwayProStack } from "./terway-pro";

const app = new App();
new TerwayProStack(app, "terway-pro");
new FlannelSmallStack(app, "flannel-small");
app.synth();
