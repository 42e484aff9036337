import assert from "node:assert/strict";
import {
  bwrapArgs,
  cgroupVersion,
  createCgroup,
  joinScript,
  linkedLibraries,
  oomKilled,
  probeIsolation,
  removeCgroup,
} from "./os_isolation.ts";

const isolation = await probeIsolation().catch(() => undefined);
const os = isolation?.mode === "os";
const cgroups = os ? isolation.cgroups : null;

/** Runs `source` with every Deno permission inside the bubblewrap layout, under `cgroup`. */
async function inside(
  source: string,
  caps?: { memoryMb: number; pids: number; cores: number },
): Promise<{ code: number; stdout: string; stderr: string; oom: boolean }> {
  const sandbox = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-os-" }));
  const socketDir = await Deno.realPath(await Deno.makeTempDir({ prefix: "tinytorch-os-sock-" }));
  await Deno.writeTextFile(`${sandbox}/probe.ts`, source);
  const deno = await Deno.realPath(Deno.execPath());
  const denoDir = Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`;
  const cgroup = caps && cgroups
    ? await createCgroup(cgroups, `test-${crypto.randomUUID()}`, caps)
    : null;
  try {
    const args = bwrapArgs({
      deno,
      libraries: await linkedLibraries(deno),
      denoDir: await Deno.realPath(denoDir),
      sandbox,
      socketDir,
      env: { NO_COLOR: "1", DENO_DIR: denoDir },
      tmpfsMb: 16,
    });
    const out = await new Deno.Command("sh", {
      args: ["-c", joinScript(cgroup, 30), "sh", "bwrap", ...args, deno, "run", "-A", "probe.ts"],
      clearEnv: true,
      env: { PATH: "/usr/bin:/bin" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder();
    return {
      code: out.code,
      stdout: text.decode(out.stdout),
      stderr: text.decode(out.stderr),
      oom: cgroup ? await oomKilled(cgroup) : false,
    };
  } finally {
    if (cgroup) await removeCgroup(cgroup);
    await Deno.remove(sandbox, { recursive: true });
    await Deno.remove(socketDir, { recursive: true });
  }
}

Deno.test({
  name: "grader: under bubblewrap, even a child with every Deno permission sees only its sandbox",
  ignore: !os,
  fn: async () => {
    const repository = new URL("../..", import.meta.url).pathname;
    const r = await inside(`
      const seen = (p) => { try { Deno.statSync(p); return true; } catch { return false; } };
      const facts = {
        repository: seen(${JSON.stringify(repository)}),
        home: seen(${JSON.stringify(Deno.env.get("HOME") ?? "/root")} + "/.bashrc"),
        passwd: seen("/etc/passwd"),
        env: Deno.env.toObject(),
        pid: Deno.pid,
        tmpEmpty: [...Deno.readDirSync("/tmp")].every((e) => e.name.startsWith("tinytorch-os-")),
      };
      try { Deno.writeFileSync("/tmp/fill", new Uint8Array(32 * 1024 * 1024)); facts.tmpFull = false; }
      catch (e) { facts.tmpFull = e.name; }
      try { await Deno.connect({ hostname: "1.1.1.1", port: 53 }); facts.net = true; }
      catch { facts.net = false; }
      console.log(JSON.stringify(facts));
    `);
    assert.equal(r.code, 0, r.stderr);
    const facts = JSON.parse(r.stdout);
    assert.equal(facts.repository, false, "no grader, no other submission, no repository");
    assert.equal(facts.home, false);
    assert.equal(facts.passwd, false);
    // Only what the grader sets, and what bubblewrap and Deno add themselves (PWD, a default PATH,
    // Deno's shim marker): nothing of the host's environment.
    const host = Deno.env.toObject();
    const leaked = Object.keys(facts.env).filter((k) =>
      !["DENO_DIR", "NO_COLOR", "PWD", "DENO_NODE_SHIM_ACTIVE"].includes(k) &&
      !(k === "PATH" && facts.env.PATH !== host.PATH)
    );
    assert.deepEqual(leaked, [], JSON.stringify(facts.env));
    assert.ok(facts.pid < 10, `a PID namespace of its own (pid ${facts.pid})`);
    assert.ok(facts.tmpEmpty);
    assert.notEqual(facts.tmpFull, false, "the private /tmp holds 16 MiB, not 32");
    assert.equal(facts.net, false);
  },
});

Deno.test({
  name: "grader: the cgroup's memory cap is hard: a typed-array bomb past it is OOM-killed",
  ignore: !cgroups,
  fn: async () => {
    const r = await inside(
      `const keep = []; for (let i = 0; i < 40; i++) keep.push(new Uint8Array(16 << 20).fill(1));
       console.log("survived", keep.length);`,
      { memoryMb: 128, pids: 512, cores: 1 },
    );
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stdout, /survived/);
    assert.equal(r.oom, true, "the kernel's OOM killer, not a poll, stopped it");
  },
});

Deno.test({
  name: "grader: the cgroup's pids cap stops a fork bomb of Workers",
  ignore: !cgroups,
  fn: async () => {
    const r = await inside(
      `const url = "data:text/javascript," + encodeURIComponent("setInterval(() => {}, 1000)");
       let made = 0;
       try { for (; made < 400; made++) new Worker(url, { type: "module" }); } catch (e) { console.log("refused", made); }
       await new Promise((r) => setTimeout(r, 1000));
       console.log("made", made);`,
      { memoryMb: 1024, pids: 64, cores: 1 },
    );
    assert.doesNotMatch(r.stdout, /made 400/, r.stdout + r.stderr);
  },
});

Deno.test("grader: joinScript() joins every controller, sets RLIMIT_CPU, then runs its arguments", () => {
  const script = joinScript({
    version: "v1",
    dirs: ["/c/memory/x", "/c/pids/x"],
    memory: "/c/memory/x",
  }, 12.5);
  assert.equal(
    script,
    "echo $$ > '/c/memory/x/cgroup.procs' && echo $$ > '/c/pids/x/cgroup.procs' && ulimit -t 13 && exec \"$@\"",
  );
  assert.equal(joinScript(null, 1), 'ulimit -t 1 && exec "$@"');
});

Deno.test("grader: --isolation process makes no probe; os where bubblewrap is missing is refused", async () => {
  assert.deepEqual(await probeIsolation("process"), { mode: "process", cgroups: null });
  const path = Deno.env.get("PATH");
  Deno.env.set("PATH", "/nonexistent");
  try {
    await assert.rejects(probeIsolation("os"), /Cannot isolate submissions with --isolation os/);
    const fallback = await probeIsolation();
    assert.equal(fallback.mode, "process");
    assert.match(fallback.warning ?? "", /bubblewrap cannot run here/);
  } finally {
    Deno.env.set("PATH", path ?? "");
  }
});

Deno.test("grader: a writable folder without cgroup files is no cgroup, and the probe creates nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-no-cgroups-" });
  try {
    assert.equal(await cgroupVersion(dir), null);
    await Deno.mkdir(`${dir}/memory`);
    assert.equal(await cgroupVersion(dir), null);
    const left = [];
    for await (const e of Deno.readDir(dir)) left.push(e.name);
    assert.deepEqual(left, ["memory"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
