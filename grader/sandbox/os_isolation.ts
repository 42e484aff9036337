/**
 * OS-level isolation of a grading child: bubblewrap namespaces (user, mount, PID, IPC, UTS,
 * network) around the Deno process, which sees read-only only the Deno binary and the libraries
 * it links, the Deno cache and its own sandbox folder, plus a small private tmpfs and the socket
 * folder; and a cgroup per child (v1 or v2) with a hard memory cap without swap, a pids cap and a
 * CPU quota of one core, with RLIMIT_CPU as a backstop.
 *
 * @module
 */

/** How submissions are isolated: `os` (bubblewrap, with cgroups when they can be created) or `process` (Deno's permissions and the harness only). */
export type IsolationMode = "os" | "process";

/** What this machine gives a grading child. */
export interface Isolation {
  /** The mode used. */
  readonly mode: IsolationMode;
  /** With `os`: the cgroup version used for hard caps, or `null` when none could be created. */
  readonly cgroups: "v1" | "v2" | null;
  /** Why the isolation is weaker than asked or than the default, for a loud warning. */
  readonly warning?: string;
}

/** The caps of one child's cgroup. */
export interface CgroupCaps {
  /** Resident memory, MiB (hard, no swap). */
  readonly memoryMb: number;
  /** Processes and threads. */
  readonly pids: number;
  /** CPU cores (quota per period). */
  readonly cores: number;
}

/** A child's cgroup: one folder per controller (v1) or one folder (v2). */
export interface Cgroup {
  /** `v1` or `v2`. */
  readonly version: "v1" | "v2";
  /** The folders the child joins (`cgroup.procs` in each). */
  readonly dirs: readonly string[];
  /** The memory controller's folder. */
  readonly memory: string;
}

/** Where both cgroup versions are mounted (v1: one folder per controller below it). */
const CGROUPS = "/sys/fs/cgroup";
const PARENT = "tinytorch-grader";

/** Default caps: 1 GiB, 512 processes and threads (Deno alone runs about 20), one core. */
export const DEFAULT_CGROUP_CAPS: CgroupCaps = { memoryMb: 1024, pids: 512, cores: 1 };

async function runs(cmd: string, args: string[]): Promise<{ ok: boolean; why: string }> {
  try {
    const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "piped" }).output();
    return { ok: out.code === 0, why: new TextDecoder().decode(out.stderr).trim().slice(0, 300) };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
}

// A cgroup controller is mounted at `dir` (it has `cgroup.procs`) and a child folder can be made
// there; nothing is created on the way (a writable `/` without cgroups is not a cgroup).
async function canCreate(dir: string): Promise<boolean> {
  const probe = `${dir}/${PARENT}-probe-${Deno.pid}`;
  try {
    await Deno.stat(`${dir}/cgroup.procs`);
    await Deno.mkdir(probe);
    await Deno.remove(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which cgroup version can give a child its caps here, if any: v2 when the unified hierarchy at
 * `root` has the memory, pids and cpu controllers, v1 when each has its own folder; a child
 * folder must be creatable either way. Nothing is left behind.
 *
 * @param root Where cgroups are mounted.
 * @returns The version, or `null`.
 */
export async function cgroupVersion(root: string = CGROUPS): Promise<"v1" | "v2" | null> {
  try {
    const controllers = await Deno.readTextFile(`${root}/cgroup.controllers`);
    const have = new Set(controllers.trim().split(/\s+/));
    if (["memory", "pids", "cpu"].every((c) => have.has(c)) && await canCreate(root)) {
      return "v2";
    }
  } catch {
    // not a unified hierarchy
  }
  const v1 = ["memory", "pids", "cpu"].map((c) => `${root}/${c}`);
  for (const dir of v1) if (!(await canCreate(dir))) return null;
  return "v1";
}

// Starts Deno (`deno --version`) in the very sandbox a child gets, so that a bubblewrap that runs
// but cannot mount what a child needs (nested in another sandbox, say) counts as not working.
async function bwrapStartsDeno(): Promise<{ ok: boolean; why: string }> {
  const dir = await Deno.makeTempDir({ prefix: "tinytorch-bwrap-probe-" });
  try {
    const deno = await Deno.realPath(Deno.execPath());
    const libraries = await linkedLibraries(deno).catch(() => []);
    const args = bwrapArgs({
      deno,
      libraries,
      denoDir: dir,
      sandbox: dir,
      socketDir: dir,
      env: {},
      tmpfsMb: 1,
    });
    return await runs("bwrap", [...args, deno, "--version"]);
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/**
 * Finds what isolation this machine supports. With `requested` = `process`, no probe is made;
 * by default `os` is used where bubblewrap runs, else `process` with a warning.
 *
 * @param requested The mode asked for, if any.
 * @returns The isolation to use.
 * @throws {RangeError} If `os` is asked for and bubblewrap cannot run here.
 */
export async function probeIsolation(requested?: IsolationMode): Promise<Isolation> {
  if (requested === "process") return { mode: "process", cgroups: null };
  const bwrap = await bwrapStartsDeno();
  if (!bwrap.ok) {
    const why = `bubblewrap cannot run here (${bwrap.why || "not installed"})`;
    if (requested === "os") {
      throw new RangeError(`Cannot isolate submissions with --isolation os: ${why}`);
    }
    return {
      mode: "process",
      cgroups: null,
      warning: `${why}: grading with --isolation process (Deno's permissions only)`,
    };
  }
  const cgroups = await cgroupVersion();
  return cgroups ? { mode: "os", cgroups } : {
    mode: "os",
    cgroups: null,
    warning: "cgroups cannot be created here: no hard memory, pids or CPU caps " +
      "(bubblewrap's namespaces and the polled limits still apply)",
  };
}

async function write(path: string, value: string | number): Promise<void> {
  await Deno.writeTextFile(path, String(value));
}

/**
 * Creates a child's cgroup with its caps.
 *
 * @param version The cgroup version.
 * @param id A unique name.
 * @param caps The caps.
 * @returns The cgroup.
 */
export async function createCgroup(
  version: "v1" | "v2",
  id: string,
  caps: CgroupCaps = DEFAULT_CGROUP_CAPS,
): Promise<Cgroup> {
  const bytes = caps.memoryMb * 1024 * 1024;
  const period = 100_000;
  if (version === "v2") {
    const parent = `${CGROUPS}/${PARENT}`;
    await Deno.mkdir(parent, { recursive: true });
    await write(`${parent}/cgroup.subtree_control`, "+memory +pids +cpu").catch(() => {});
    const dir = `${parent}/${id}`;
    await Deno.mkdir(dir);
    await write(`${dir}/memory.max`, bytes);
    await write(`${dir}/memory.swap.max`, 0).catch(() => {});
    await write(`${dir}/pids.max`, caps.pids);
    await write(`${dir}/cpu.max`, `${Math.round(caps.cores * period)} ${period}`);
    return { version, dirs: [dir], memory: dir };
  }
  const dir = (c: string) => `${CGROUPS}/${c}/${PARENT}/${id}`;
  for (const c of ["memory", "pids", "cpu"]) await Deno.mkdir(dir(c), { recursive: true });
  await write(`${dir("memory")}/memory.limit_in_bytes`, bytes);
  await write(`${dir("memory")}/memory.memsw.limit_in_bytes`, bytes).catch(() => {});
  await write(`${dir("pids")}/pids.max`, caps.pids);
  await write(`${dir("cpu")}/cpu.cfs_period_us`, period);
  await write(`${dir("cpu")}/cpu.cfs_quota_us`, Math.round(caps.cores * period));
  return { version, dirs: ["memory", "pids", "cpu"].map(dir), memory: dir("memory") };
}

/**
 * Whether the kernel's OOM killer stopped a process of the cgroup (its memory cap was reached).
 *
 * @param cgroup The cgroup.
 * @returns `true` when an OOM kill happened.
 */
export async function oomKilled(cgroup: Cgroup): Promise<boolean> {
  try {
    const file = cgroup.version === "v2" ? "memory.events" : "memory.oom_control";
    const text = await Deno.readTextFile(`${cgroup.memory}/${file}`);
    return Number(/\boom_kill (\d+)/.exec(text)?.[1] ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * Removes a cgroup once its processes are gone (retrying briefly while the kernel reaps them).
 *
 * @param cgroup The cgroup.
 */
export async function removeCgroup(cgroup: Cgroup): Promise<void> {
  for (const dir of cgroup.dirs) {
    for (let i = 0; i < 20; i++) {
      try {
        await Deno.remove(dir);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  }
}

/** What the bubblewrap sandbox holds. */
export interface BwrapLayout {
  /** The Deno executable (its real path). */
  readonly deno: string;
  /** Shared libraries the executable links (real paths), and the loader. */
  readonly libraries: readonly string[];
  /** The Deno cache, read-only. */
  readonly denoDir: string;
  /** The child's sandbox folder, read-only. */
  readonly sandbox: string;
  /** The folder of the parent's socket, read-write (the child connects to it). */
  readonly socketDir: string;
  /** The environment, and nothing else. */
  readonly env: Readonly<Record<string, string>>;
  /** Size of the private `/tmp`, MiB. */
  readonly tmpfsMb: number;
}

/**
 * The libraries an executable links, from `ldd` (real paths, the loader included).
 *
 * @param executable The executable.
 * @returns The paths.
 */
export async function linkedLibraries(executable: string): Promise<string[]> {
  const out = await new Deno.Command("ldd", { args: [executable], stdout: "piped", stderr: "null" })
    .output();
  const paths = new TextDecoder().decode(out.stdout).split("\n").flatMap((line) => {
    const m = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
    return m ? [m[1]] : [];
  });
  const real = await Promise.all(paths.map(async (p) => [p, await Deno.realPath(p)]));
  return [...new Set(real.flat())];
}

/**
 * bubblewrap's arguments for one child, up to (not including) the command it runs.
 *
 * @param layout What the sandbox holds.
 * @returns The arguments.
 */
export function bwrapArgs(layout: BwrapLayout): string[] {
  const ro = (p: string) => ["--ro-bind", p, p];
  return [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--clearenv",
    ...Object.entries(layout.env).flatMap(([k, v]) => ["--setenv", k, v]),
    ...ro(layout.deno),
    ...layout.libraries.flatMap(ro),
    "--ro-bind-try",
    "/etc/ld.so.cache",
    "/etc/ld.so.cache",
    ...ro(layout.denoDir),
    "--size",
    String(layout.tmpfsMb * 1024 * 1024),
    "--tmpfs",
    "/tmp",
    ...ro(layout.sandbox),
    "--bind",
    layout.socketDir,
    layout.socketDir,
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--chdir",
    layout.sandbox,
  ];
}

/**
 * A `sh -c` script that joins the cgroup, sets RLIMIT_CPU and then runs its arguments, so the
 * caps hold from the first instruction of the child on.
 *
 * @param cgroup The cgroup, or `null`.
 * @param cpuSeconds RLIMIT_CPU, in seconds of CPU time.
 * @returns The script.
 */
export function joinScript(cgroup: Cgroup | null, cpuSeconds: number): string {
  const joins = (cgroup?.dirs ?? []).map((d) => `echo $$ > '${d}/cgroup.procs'`);
  return [...joins, `ulimit -t ${Math.max(1, Math.ceil(cpuSeconds))}`, 'exec "$@"'].join(" && ");
}
