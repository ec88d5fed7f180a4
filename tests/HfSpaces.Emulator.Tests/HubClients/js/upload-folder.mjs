// huggingface.js's uploadFiles of a whole local folder (every file, as file:// URLs read lazily), for ./bench's deploy
// comparison with hf-spaces deploy (both timed as whole processes). Prints the file count and the commit.
// Usage: HF_ENDPOINT=… HF_TOKEN=… SPACE=user/name node upload-folder.mjs FOLDER
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { uploadFiles } from "@huggingface/hub";

const folder = process.argv[2];
const files = readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .map((path) => ({ path: relative(folder, path).split("\\").join("/"), content: pathToFileURL(path) }));

const result = await uploadFiles({
  accessToken: process.env.HF_TOKEN,
  hubUrl: process.env.HF_ENDPOINT,
  repo: { type: "space", name: process.env.SPACE },
  files,
  commitTitle: "Deploy with huggingface.js",
});
console.log(JSON.stringify({ files: files.length, commit: result.commit.oid }));
