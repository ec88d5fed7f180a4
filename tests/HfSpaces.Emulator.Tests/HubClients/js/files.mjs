// huggingface.js writes and reads a Space's files on the emulator: uploadFiles (a regular and an LFS file), listFiles,
// downloadFile of a file the C# SDK committed. One JSON line per check; HubClientTests asserts on them.
// Usage: HF_ENDPOINT=… HF_TOKEN=… SPACE=user/demo node files.mjs
import { uploadFiles, listFiles, downloadFile, HubApiError } from "@huggingface/hub";

const credentials = { accessToken: process.env.HF_TOKEN, hubUrl: process.env.HF_ENDPOINT };
const repo = { type: "space", name: process.env.SPACE };

async function check(name, run) {
  try {
    console.log(JSON.stringify({ name, ok: true, value: await run() }));
  } catch (e) {
    const detail = e instanceof HubApiError ? { status: e.statusCode, message: e.message } : { message: String(e?.stack ?? e) };
    console.log(JSON.stringify({ name, ok: false, error: detail }));
  }
}

const binary = new Uint8Array(20000).map((_, i) => (i * 7) % 256); // a NUL first: the Hub sends it to LFS

await check("uploadFiles", async () => {
  const result = await uploadFiles({
    ...credentials,
    repo,
    files: [
      { path: "js/hello.py", content: new Blob(["print('hello from huggingface.js')\n"]) },
      { path: "js/weights.bin", content: new Blob([binary]) },
    ],
    commitTitle: "From huggingface.js",
  });
  return { commit: result.commit.oid };
});

await check("listFiles", async () => {
  const files = [];
  for await (const file of listFiles({ ...credentials, repo, recursive: true })) {
    files.push({ path: file.path, type: file.type, size: file.size, oid: file.oid, lfs: file.lfs?.oid ?? null });
  }
  return files;
});

await check("downloadFile", async () => {
  const blob = await downloadFile({ ...credentials, repo, path: process.env.SDK_FILE });
  return { text: blob ? await blob.text() : null };
});
