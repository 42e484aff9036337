import assert from "node:assert/strict";

Deno.test("maintainer: the generated ONNX schema is current with .maintainer/onnx/onnx.proto", async () => {
  const script = new URL("./build_onnx_schema.ts", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), { args: ["run", "-A", script, "--check"] })
    .output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
});
