// huggingface.js against the emulator: every call a real client makes for a Space's life, as the Hub's own client parses
// it. Prints one JSON line per check; HubClientTests asserts on them. Usage: HF_ENDPOINT=… HF_TOKEN=… node check.mjs
import { whoAmI, createRepo, spaceInfo, listSpaces, deleteRepo, HubApiError } from "@huggingface/hub";

const hubUrl = process.env.HF_ENDPOINT;
const accessToken = process.env.HF_TOKEN;
const credentials = { accessToken, hubUrl };

async function check(name, run) {
  try {
    const value = await run();
    console.log(JSON.stringify({ name, ok: true, value }));
  } catch (e) {
    const detail = e instanceof HubApiError ? { status: e.statusCode, message: e.message } : { message: String(e?.stack ?? e) };
    console.log(JSON.stringify({ name, ok: false, error: detail }));
  }
}

await check("whoAmI", async () => {
  const me = await whoAmI(credentials);
  return { name: me.name, type: me.type, tokenRole: me.auth.accessToken?.role, tokenCreatedIsDate: me.auth.accessToken?.createdAt instanceof Date };
});

await check("createRepo", async () => {
  const created = await createRepo({ ...credentials, repo: { type: "space", name: "user/js-space" }, sdk: "gradio" });
  return { repoUrl: String(created.repoUrl) };
});

await check("spaceInfo", async () => {
  const info = await spaceInfo({ ...credentials, name: "user/js-space", additionalFields: ["runtime", "author"] });
  return { name: info.name, sdk: info.sdk, private: info.private, likes: info.likes, updatedAtValid: !Number.isNaN(info.updatedAt.getTime()), stage: info.runtime?.stage, author: info.author };
});

await check("listSpaces", async () => {
  const names = [];
  for await (const space of listSpaces({ ...credentials, search: { owner: "user" } })) {
    names.push({ name: space.name, updatedAtValid: !Number.isNaN(space.updatedAt.getTime()) });
  }
  return names;
});

await check("createRepo-conflict", async () => {
  try {
    await createRepo({ ...credentials, repo: { type: "space", name: "user/js-space" }, sdk: "gradio" });
    return { status: 200 };
  } catch (e) {
    if (e instanceof HubApiError) {
      return { status: e.statusCode, message: e.message.split(". URL:")[0], url: e.data?.url };
    }
    throw e;
  }
});

await check("deleteRepo", async () => {
  await deleteRepo({ ...credentials, repo: { type: "space", name: "user/js-space" } });
  try {
    await spaceInfo({ ...credentials, name: "user/js-space" });
    return { after: 200 };
  } catch (e) {
    return { after: e.statusCode };
  }
});
